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
  readonly actor: ReferralActor;
  snapshot: ReferralSnapshot;
  private readonly host: ReactiveControllerHost;
  private subscription: { unsubscribe(): void } | null = null;

  constructor(host: ReactiveControllerHost, input?: { answers?: Record<string, unknown>; details?: Record<string, unknown> }) {
    this.host = host;
    this.actor = createActor(referralMachine, { input });
    this.actor.start();
    this.snapshot = this.actor.getSnapshot();
    host.addController(this);
  }

  hostConnected(): void {
    this.subscription ??= this.actor.subscribe((snapshot) => {
      this.snapshot = snapshot;
      this.host.requestUpdate();
    });
    this.snapshot = this.actor.getSnapshot();
  }

  hostDisconnected(): void {
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
    this.snapshot = after;
    return after !== before;
  }
}
