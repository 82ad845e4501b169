import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { referralMachine } from '../../machines/index.ts';

export type ReferralActor = Actor<typeof referralMachine>;
export type ReferralSnapshot = SnapshotFrom<typeof referralMachine>;
export type ReferralMachineEvent = Parameters<ReferralActor['send']>[0];

/**
 * Owns the statechart's actor for one `<referral-guide>`. The actor outlives disconnection, so
 * moving the element in the DOM (which intranet CMSs do) keeps every answer; only the
 * subscription follows the element's connection.
 */
export class MachineController implements ReactiveController {
  actor: ReferralActor;
  /** The last good snapshot: after an error in the actor it still holds the answers. */
  snapshot: ReferralSnapshot;
  private readonly host: ReactiveControllerHost;
  private readonly onError: (error: unknown) => void;
  private subscription: { unsubscribe(): void } | null = null;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    input?: { answers?: Record<string, unknown>; details?: Record<string, unknown> },
    onError: (error: unknown) => void = (error) => console.error(error),
  ) {
    this.host = host;
    this.onError = onError;
    this.actor = createActor(referralMachine, { input });
    this.actor.start();
    this.snapshot = this.actor.getSnapshot();
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.subscription ??= this.actor.subscribe({
      next: (snapshot) => {
        if (snapshot.status !== 'active') return;
        this.snapshot = snapshot;
        this.host.requestUpdate();
      },
      // An exception inside the statechart stops the actor; the guide's error boundary takes over.
      error: (error) => this.onError(error),
    });
    if (this.actor.getSnapshot().status === 'active') this.snapshot = this.actor.getSnapshot();
  }

  /**
   * Replaces the actor with one started from these answers and details (the machine re-validates
   * them): a restore after a reload (persist) or after an internal error.
   */
  restore(input: { answers?: object; details?: object }): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.actor.stop();
    this.actor = createActor(referralMachine, { input });
    this.actor.start();
    this.snapshot = this.actor.getSnapshot();
    if (this.connected) this.hostConnected();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /**
   * Sends an event and tells whether the machine took it. The machine ignores events it cannot
   * use (a value outside the options, a Change link to a pruned question) by keeping its snapshot.
   */
  send(event: ReferralMachineEvent): boolean {
    const before = this.actor.getSnapshot();
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    if (after.status !== 'active') return false; // reported through the subscription's error
    this.snapshot = after;
    return after !== before;
  }
}
