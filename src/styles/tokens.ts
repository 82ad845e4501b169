import { css } from 'lit';

/**
 * Public theming tokens (`--referral-*`, each with a DKFDS-like fallback) mapped to private
 * `--_*` properties used inside the shadow roots. Hosts theme through the public names only;
 * the private names may change. Defaults follow the spirit of Det Fælles Designsystem:
 * IBM Plex Sans or the system stack, near-black text, a blue primary, a thick focus ring.
 *
 * Every surface follows the tokens: the tinted backgrounds (notices, the disclaimer, hover) are
 * mixed from their accent and `--referral-color-background` unless set on their own, so a host
 * that sets only its primary colour gets no leftover blue box.
 */
export const tokens = css`
  :host {
    --_font: var(
      --referral-font-family,
      'IBM Plex Sans',
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      Arial,
      sans-serif
    );
    --_text: var(--referral-color-text, #1a1a1a);
    --_muted: var(--referral-color-muted, #454545);
    --_bg: var(--referral-color-background, #ffffff);
    --_surface: var(--referral-color-surface, color-mix(in srgb, var(--_text) 4%, var(--_bg)));
    --_border: var(--referral-color-border, #757575);
    --_primary: var(--referral-color-primary, #0059b3);
    --_primary-hover: var(--referral-color-primary-hover, color-mix(in srgb, var(--_primary) 80%, #000));
    --_on-primary: var(--referral-color-on-primary, #ffffff);
    --_link: var(--referral-color-link, #004993);
    --_focus: var(--referral-color-focus, #1a1a1a);
    --_focus-halo: var(--referral-color-focus-halo, #ffd700);
    --_error: var(--referral-color-error, #b51d09);
    --_error-bg: var(--referral-color-error-background, color-mix(in srgb, var(--_error) 10%, var(--_bg)));
    --_warning: var(--referral-color-warning, #8a5300);
    --_warning-bg: var(--referral-color-warning-background, color-mix(in srgb, #ffc61a 16%, var(--_bg)));
    --_danger: var(--referral-color-danger, #b51d09);
    --_danger-bg: var(--referral-color-danger-background, color-mix(in srgb, var(--_danger) 10%, var(--_bg)));
    --_info-bg: var(--referral-color-info-background, color-mix(in srgb, var(--_primary) 10%, var(--_bg)));
    --_success: var(--referral-color-success, #2a6b00);
    --_success-bg: var(--referral-color-success-background, color-mix(in srgb, var(--_success) 10%, var(--_bg)));
    --_radius: var(--referral-radius, 4px);
    --_space: var(--referral-space, 8px);
    /* medium: the reader's own browser font size, whatever the host page sets on its root. */
    --_font-size: var(--referral-font-size, medium);
    --_max-width: var(--referral-max-width, 44em);
  }
`;
