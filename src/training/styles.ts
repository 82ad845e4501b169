import { css } from 'lit';

/**
 * Styles of the training view. The presenter view (inside the modal `<dialog>`) overrides the
 * private tokens with a high-contrast palette (every text pair ≥ 7:1) and scales the type for a
 * 1280×720 projector; the shortcut legend stays on screen.
 */
export const trainingStyles = css`
  :host {
    display: block;
  }
  .training {
    outline: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 2);
  }
  .bar h2 {
    margin: 0;
    flex: 1 1 10.67em; /* 16 of the widget's base size, at 1.5× */
    font-size: 1.5em;
  }
  .bar .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  /* A pressed toggle stays filled on hover (the secondary hover's pale background under white
     text was nearly unreadable): a darker fill instead. */
  .button.secondary[aria-pressed='true']:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
    color: var(--_on-primary);
  }
  /* aria-disabled, not disabled: a focused button keeps focus (and the shortcuts keep working). */
  .button[aria-disabled='true'] {
    background: var(--_bg);
    border-style: dashed;
    border-color: var(--_muted);
    color: var(--_muted);
    opacity: 0.6;
    cursor: default;
  }
  .back-link::before {
    content: '‹ ';
  }
  .stage {
    min-width: 0;
  }
  .stage:focus {
    outline: none;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    border-top: 2px solid var(--_border);
    padding-top: calc(var(--_space) * 1.5);
    margin-top: calc(var(--_space) * 2);
  }
  .where {
    flex: 1 1 20em;
    min-width: 0;
  }
  .step-count {
    margin: 0;
    font-weight: 600;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .shortcuts {
    margin: 2px 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
    max-width: none;
  }
  kbd {
    font: inherit;
    font-weight: 700;
    border: 1px solid currentColor;
    border-radius: 3px;
    padding: 0 0.3em;
    white-space: nowrap;
  }
  .story {
    font-size: 1.125em;
    max-width: 46em;
  }
  .kicker {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-weight: 600;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
    gap: calc(var(--_space) * 3);
    align-items: start;
  }
  .options {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
  }
  .options li {
    hyphens: manual; /* an answer option is a label */
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    margin-bottom: var(--_space);
  }
  .options li.chosen {
    border-width: 4px;
    border-color: var(--_text);
    background: #ffe066;
    color: #000;
    font-weight: 700;
  }
  .options li.chosen::before {
    content: '✓ ';
  }
  .options.compact {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .options.compact li {
    margin: 0;
  }
  .triggers summary {
    cursor: pointer;
    padding: 2px 0;
  }
  .triggers .explanation {
    margin: 4px 0 var(--_space) 0;
  }
  .predict {
    font-weight: 600;
  }
  .triggers {
    list-style: none;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .triggers li {
    margin-bottom: calc(var(--_space) / 2);
  }
  .triggers p {
    margin: 0;
  }
  .id {
    display: inline-block;
    min-width: 2.5em;
    font-weight: 700;
    border: 2px solid currentColor;
    border-radius: 3px;
    padding: 0 0.3em;
    margin-right: 0.4em;
    text-align: center;
  }
  .note {
    border-left: 6px solid var(--_text);
    background: var(--_surface);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
  }
  .note h4 {
    margin-bottom: var(--_space);
  }
  .note > :last-child {
    margin-bottom: 0;
  }
  .review-mark {
    font-size: 0.875em;
    font-style: italic;
  }
  .compare {
    list-style: none;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .compare li {
    padding: calc(var(--_space) / 2) 0;
    border-bottom: 1px solid var(--_border);
  }
  .mark {
    display: inline-block;
    width: 1.5em;
    font-weight: 700;
  }
  .mark-missing,
  .mark-unexpected {
    color: var(--_error);
  }
  .mark-match {
    color: var(--_success);
  }
  .mark-text {
    font-size: 0.9375em;
    color: var(--_muted);
  }
  .summary {
    font-weight: 700;
  }
  .plan-bar h3 {
    margin: 0;
  }
  .compare-table {
    border-collapse: collapse;
    width: 100%;
    margin-bottom: calc(var(--_space) * 2);
  }
  .compare-table caption {
    text-align: start;
    padding-bottom: var(--_space);
  }
  .compare-table th,
  .compare-table td {
    text-align: start;
    vertical-align: top;
    padding: 4px calc(var(--_space) * 1.5) 4px 0;
    border-bottom: 1px solid var(--_border);
  }
  .compare-table thead th {
    border-bottom: 2px solid var(--_text);
  }
  .compare-table tbody th[scope='row'] {
    font-weight: 600;
  }
  .compare-table .group th {
    padding-top: calc(var(--_space) * 1.5);
    font-size: 0.875em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    border-bottom: 2px solid var(--_text);
  }
  .compare-table tbody th[scope='row'] {
    width: 58%;
  }
  .column-hint {
    display: block;
    font-weight: 400;
    font-size: 0.8em;
  }
  .compare-table .expected-cell {
    text-align: center;
    font-weight: 700;
  }
  .compare-table thead th:last-child {
    text-align: center;
  }
  .compare-table tr.differs {
    background: #ffe066;
    color: #000;
  }
  .compare-table tr.differs th[scope='row'] {
    border-left: 6px solid #000;
    padding-left: 8px;
  }
  .plan-steps {
    margin: 0 0 calc(var(--_space) * 2);
    padding-left: 1.4em;
  }
  .plan-steps li {
    margin-bottom: calc(var(--_space) / 2);
  }
  .plan-steps .meta {
    display: block;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .what-if-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15em), 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 2);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  .field.changed label::after {
    content: ' *';
  }
  .field.pending select {
    border-width: 4px;
  }
  /* A native select cuts a long answer off at its width ("Ja, børn under 18 år i h"), and only
     Chromium can make a select wrap (appearance: base-select; Firefox ESR cannot). So the chosen
     answer's full text is drawn over the select in the same grid cell, wrapping, and the select
     grows with it: the select stays the control (keyboard, label, focus ring, its own text for
     screen readers) and only its own clipped text is made invisible. Clicks pass through the text. */
  .answer {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  .answer > select,
  .answer > .answer-face {
    grid-area: 1 / 1;
  }
  .answer > select {
    width: 100%;
    height: auto;
    align-self: stretch;
    color: transparent;
    /* the native arrow is drawn in the (now transparent) text colour: the same arrow in every
       browser instead */
    appearance: none;
  }
  .answer::after {
    content: '▾';
    grid-area: 1 / 1;
    justify-self: end;
    align-self: center;
    padding-inline-end: calc(var(--_space) / 2 + 2px);
    pointer-events: none;
    color: var(--_text);
  }
  .answer > select option {
    color: var(--_text);
    background: var(--_bg);
  }
  .answer-face {
    pointer-events: none;
    align-self: center;
    /* the select's own padding, and room for its arrow */
    padding: 3px 1.5em 3px calc(var(--_space) + 2px);
    line-height: 1.15;
    overflow-wrap: anywhere;
    hyphens: manual;
    color: var(--_text);
  }
  .answer > select:disabled + .answer-face {
    color: var(--_muted);
  }
  /* Forced colours repaint the select's text: then the full text stands under the select instead. */
  @media (forced-colors: active) {
    .answer > select {
      color: CanvasText;
    }
    .answer > .answer-face {
      grid-area: 2 / 1;
      padding: 2px 0 0;
    }
  }
  .what-if-result {
    min-width: 0;
  }
  select {
    font: inherit;
    min-height: 2.75em;
    border: 2px solid var(--_text);
    border-radius: 0;
    padding: 0 var(--_space);
    background: var(--_bg);
    color: var(--_text);
    max-width: 100%;
  }
  .diff {
    margin: 0 0 var(--_space);
    padding-left: 1.2em;
  }
  .library {
    list-style: none;
    margin: 0 0 calc(var(--_space) * 3);
    padding: 0;
    counter-reset: scenario;
  }
  .library li {
    border-bottom: 1px solid var(--_border);
    padding: var(--_space) 0;
  }
  .library .link-button {
    font-weight: 600;
    font-size: 1.0625em;
    min-height: 2.6em;
  }
  .library .teaser {
    margin: 0;
    color: var(--_muted);
  }
  .own {
    border-top: 2px solid var(--_border);
    padding-top: calc(var(--_space) * 2);
  }
  input[type='file'] {
    font: inherit;
    max-width: 100%;
  }
  .errors .notice p {
    margin-bottom: var(--_space);
  }
  .link-text {
    width: 100%;
    min-height: 5.7em;
    font: inherit;
    font-size: 0.875em;
  }

  /* ---- presenter view: a modal dialog filling the projector ---- */
  dialog.presenter {
    --_text: #000000;
    --_muted: #1f1f1f;
    --_bg: #ffffff;
    --_surface: #f0f0f0;
    --_border: #000000;
    --_primary: #00366b;
    --_primary-hover: #002447;
    --_link: #00366b;
    --_info-bg: #e8f0f9;
    --_error: #8f1606;
    --_success: #1d4d00;
    --_focus: #000000;
    box-sizing: border-box;
    width: 100vw;
    height: 100vh;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: var(--_bg);
    color: var(--_text);
    font-size: 1.375em;
    overflow: hidden;
  }
  dialog.presenter::backdrop {
    background: #000;
  }
  dialog.presenter .training {
    height: 100%;
    display: grid;
    grid-template-rows: auto minmax(0, 1fr) auto;
    grid-template-columns: minmax(0, 1fr);
    padding: 14px 28px 10px;
  }
  dialog.presenter .stage {
    overflow: auto;
    padding: 4px;
  }
  dialog.presenter .bar {
    margin-bottom: 10px;
  }
  /* One line for the bar: the full title is the story step's heading. */
  dialog.presenter .bar {
    flex-wrap: nowrap;
  }
  dialog.presenter .bar h2 {
    font-size: 1.05em;
    flex: 1 1 0;
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  dialog.presenter .bar .tools {
    flex-wrap: nowrap;
  }
  dialog.presenter .bar .tools .button,
  dialog.presenter .bar .back-link {
    font-size: 0.7em;
    white-space: nowrap;
  }
  dialog.presenter .bar .tools .button {
    min-height: 2.6em;
    padding: 4px 12px;
  }
  dialog.presenter .plan-bar {
    margin-bottom: 4px;
  }
  dialog.presenter h3 {
    font-size: 1.3em;
    margin-bottom: 10px;
  }
  dialog.presenter .kicker {
    margin-bottom: 0;
  }
  dialog.presenter h4 {
    font-size: 1.1em;
  }
  dialog.presenter p {
    max-width: 52em;
  }
  dialog.presenter .story {
    font-size: 1.1em;
  }
  dialog.presenter .footer {
    margin-top: 6px;
    padding-top: 6px;
    flex-wrap: nowrap;
  }
  /* The stage says where the room is (question n of about m); the footer keeps the keys. */
  dialog.presenter .step-count {
    display: none;
  }
  dialog.presenter .shortcuts {
    font-size: 0.62em;
  }
  /* The answers take most of the wall, four to a row (a Greenlandic case asks up to 14 questions
     whose answers run to several lines); the plan's services fit a narrower column beside them.
     The pressed what-if button above says what the answers are for, so their heading is for
     screen readers only. */
  dialog.presenter .what-if-columns {
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    gap: 20px;
  }
  dialog.presenter #what-if-heading {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  dialog.presenter .what-if-grid {
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 4px 12px;
    margin-bottom: 0;
    font-size: 0.7em;
  }
  dialog.presenter .what-if-grid label {
    line-height: 1.2;
  }
  dialog.presenter .what-if-grid select {
    min-height: 2.3em;
  }
  dialog.presenter .what-if-grid .answer-face {
    padding-block: 2px;
  }
  dialog.presenter .what-if-result {
    font-size: 0.75em;
  }
  dialog.presenter .what-if-result [data-diff-empty] p {
    font-size: 0.85em;
    margin-bottom: 4px;
  }
  /* The wall shows the answers and the plan's services side by side without scrolling; the
     warnings stay in the plan view, and the list of changes names any warning a change adds or
     removes. */
  dialog.presenter .what-if-result .compare-table tr.group ~ tr.group,
  dialog.presenter .what-if-result .compare-table tr.group ~ tr.group ~ tr {
    display: none;
  }
  dialog.presenter .button,
  dialog.presenter .link-button {
    font-size: 0.9em;
  }
  /* 44 px, as before the sizes moved from rem to em (2.75em would be 54 px at the wall's size). */
  dialog.presenter .button {
    min-height: 2.25em;
  }
  dialog.presenter .options li {
    padding: 4px 12px;
    margin-bottom: 6px;
  }
  dialog.presenter .columns.revealed {
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 20px;
  }
  dialog.presenter .columns.revealed.balanced {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  }
  dialog.presenter .columns.revealed.long-note {
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }
  dialog.presenter .columns.revealed.many-rules {
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
  }
  dialog.presenter .triggers,
  dialog.presenter .note p {
    line-height: 1.35;
  }
  dialog.presenter .triggers,
  dialog.presenter .note p {
    font-size: 0.78em;
  }
  dialog.presenter .triggers li {
    margin-bottom: 0;
  }
  dialog.presenter .triggers .id {
    font-size: 0.9em;
  }
  dialog.presenter .options.compact li {
    padding: 2px 10px;
  }
  /* On the projector the revealed step keeps the case's answer only: the room saw every option. */
  dialog.presenter .options.compact li:not(.chosen) {
    display: none;
  }
  dialog.presenter h4 {
    margin-bottom: 6px;
  }
  dialog.presenter .stage[data-diagram] {
    overflow: hidden;
    display: flex;
    flex-direction: column;
  }
  dialog.presenter .stage[data-diagram] referral-flow-diagram {
    flex: 1 1 auto;
    min-height: 0;
    --_diagram-fill: 100%;
  }
  dialog.presenter .compare-table {
    font-size: 0.75em;
    margin-bottom: 6px;
  }
  dialog.presenter .compare-table th,
  dialog.presenter .compare-table td {
    padding-top: 1px;
    padding-bottom: 1px;
  }
  dialog.presenter .compare-table caption {
    padding-bottom: 2px;
  }
  dialog.presenter .compare-table .group th {
    padding-top: 4px;
    font-size: 0.75em;
  }
  dialog.presenter [data-diff] {
    font-size: 0.85em;
  }
  dialog.presenter [data-what-if] .hint {
    display: none;
  }
  dialog.presenter .plan-bar h3 {
    font-size: 1.2em;
  }
  /* Every step fits with room to spare, not to the pixel: another browser's or machine's fonts
     run a few pixels taller (Firefox: +2 px on a Greenlandic step). The presenter test checks every
     step at 24 px less height than the projector's 720. */
  dialog.presenter .options.compact {
    margin-bottom: 10px;
  }
  dialog.presenter .options.compact li {
    line-height: 1.3;
  }
  dialog.presenter .columns.revealed .triggers {
    margin-bottom: 0;
  }
  dialog.presenter .triggers summary {
    padding: 0;
  }
  dialog.presenter .compare-table {
    line-height: 1.35;
  }
`;
