import type { Actor, SnapshotFrom } from 'xstate';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { referralMachine } from '../../machines/referral.machine.ts';
import { firstSnapshot, statechart as preloadedStatechart } from './first-paint.ts';
import type { PlanContext, ReferralPlan } from '../../machines/types.ts';

export type ReferralActor = Actor<typeof referralMachine>;
export type ReferralSnapshot = SnapshotFrom<typeof referralMachine>;
export type ReferralMachineEvent = Parameters<ReferralActor['send']>[0];
type Input = { answers?: object; details?: object };

/**
 * Owns the statechart's actor for one `<referral-guide>`. The actor outlives disconnection, so
 * moving the element in the DOM (which intranet CMSs do) keeps every answer; only the
 * subscription follows the element's connection.
 *
 * The statechart's code (XState, the machine) loads on `load()`, which the element calls once its
 * first question is on screen. Until then `snapshot` is the one a fresh guide starts with (the
 * first question, nothing answered), which is all the first screen reads; `restore()` is kept for
 * the actor, and `send()` must wait for `load()`.
 */
export class MachineController implements ReactiveController {
  actor: ReferralActor | null = null;
  /** The last good snapshot: after an error in the actor it still holds the answers. */
  snapshot: ReferralSnapshot;
  private readonly host: ReactiveControllerHost;
  private readonly onError: (error: unknown) => void;
  private subscription: { unsubscribe(): void } | null = null;
  private connected = false;
  private input: Input | undefined;
  private loading: Promise<void> | null = null;
  private statechart: typeof import('./statechart.ts') | null = null;
  /** The date and place the plan is computed for (the host's config, the element's `as-of`). */
  private setting: PlanContext = {};
  private settingKey = '{}';

  constructor(
    host: ReactiveControllerHost,
    input?: Input,
    onError: (error: unknown) => void = (error) => console.error(error),
  ) {
    this.host = host;
    this.onError = onError;
    this.input = input;
    // The single-file builds have the statechart from the start (src/controllers/first-paint.ts).
    if (preloadedStatechart) {
      this.statechart = preloadedStatechart;
      this.snapshot = this.start(input);
    } else this.snapshot = firstSnapshot();
    host.addController(this);
  }

  /**
   * The plan of the current snapshot (machines/plan.ts `planOf`): null before the guide is
   * complete (or at the acute warning), and always before the statechart has loaded.
   */
  planOf(): ReferralPlan | null {
    if (!this.statechart) return null;
    // One snapshot, one plan: the guide asks for it several times per render (the screen, the
    // announcement, the event), and working it out runs every rule.
    if (this.planFor !== this.snapshot) {
      this.planFor = this.snapshot;
      this.plan = this.statechart.planOf(this.snapshot);
    }
    return this.plan;
  }
  private planFor: ReferralSnapshot | null = null;
  private plan: ReferralPlan | null = null;

  /** The emergency step while the guide waits at the acute warning (machines/plan.ts `emergencyPlanOf`). */
  emergencyPlanOf(): ReferralPlan | null {
    return this.statechart?.emergencyPlanOf(this.snapshot) ?? null;
  }

  /**
   * Tells the machine the date and place its plan is for (a `context` event; docs/machine-api.md).
   * Sent only when it changed; kept for an actor started later (load, restore).
   */
  useSetting(setting: PlanContext): void {
    const key = JSON.stringify(setting);
    if (key === this.settingKey) return;
    this.setting = setting;
    this.settingKey = key;
    if (this.actor) this.sendSetting();
  }

  private sendSetting(): void {
    const { asOf, region, municipalityCode, municipalityName } = this.setting;
    this.actor!.send({
      type: 'context',
      asOf: asOf ?? null,
      region: region ?? null,
      municipalityCode: municipalityCode ?? null,
      municipalityName: municipalityName ?? null,
    });
    if (this.actor!.getSnapshot().status === 'active') this.snapshot = this.actor!.getSnapshot();
  }

  /** Whether the statechart runs (events can be sent). */
  get loaded(): boolean {
    return this.actor !== null;
  }

  /** Loads the statechart's code and starts the actor (once); resolves when it runs. */
  load(): Promise<void> {
    this.loading ??= (
      this.statechart
        ? Promise.resolve()
        : import('./statechart.ts').then((statechart) => {
            this.statechart = statechart;
            this.start(this.input);
          })
    ).then(
      () => this.host.requestUpdate(),
      (error: unknown) => {
        this.loading = null; // the next load() tries again (a chunk missing, a network hiccup)
        throw error;
      },
    );
    return this.loading;
  }

  private start(input: Input | undefined): ReferralSnapshot {
    this.actor = this.statechart!.createActor(this.statechart!.referralMachine, { input });
    this.actor.start();
    if (this.settingKey !== '{}') this.sendSetting();
    this.snapshot = this.actor.getSnapshot();
    if (this.connected) this.subscribe();
    return this.snapshot;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.actor) this.subscribe();
  }

  private subscribe(): void {
    const actor = this.actor!;
    this.subscription ??= actor.subscribe({
      next: (snapshot) => {
        if (snapshot.status !== 'active') return;
        this.snapshot = snapshot;
        this.host.requestUpdate();
      },
      // An exception inside the statechart stops the actor; the guide's error boundary takes over.
      error: (error) => this.onError(error),
    });
    if (actor.getSnapshot().status === 'active') this.snapshot = actor.getSnapshot();
  }

  /**
   * Replaces the actor with one started from these answers and details (the machine re-validates
   * them): a restore after a reload (persist), after an internal error, or Clear all. Before the
   * statechart has loaded, the actor will start from them.
   */
  restore(input: Input): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.actor?.stop();
    if (this.statechart) this.start(input);
    else {
      this.input = input;
      this.snapshot = firstSnapshot();
    }
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
    if (!this.actor) throw new Error('referral-guide: an event before the statechart has loaded');
    const before = this.actor.getSnapshot();
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    if (after.status !== 'active') return false; // reported through the subscription's error
    this.snapshot = after;
    return after !== before;
  }
}
