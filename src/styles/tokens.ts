import { css } from 'lit';

/**
 * Public theming tokens (`--referral-*`, each with a DKFDS-like fallback) mapped to private
 * `--_*` properties used inside the shadow roots. Hosts theme through the public names only;
 * the private names may change. Defaults follow the spirit of Det Fælles Designsystem:
 * IBM Plex Sans or the system stack, near-black text, a blue primary, a thick focus ring.
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
    --_surface: var(--referral-color-surface, #f5f5f5);
    --_border: var(--referral-color-border, #757575);
    --_primary: var(--referral-color-primary, #0059b3);
    --_primary-hover: var(--referral-color-primary-hover, #004993);
    --_on-primary: var(--referral-color-on-primary, #ffffff);
    --_link: var(--referral-color-link, #004993);
    --_focus: var(--referral-color-focus, #1a1a1a);
    --_focus-halo: var(--referral-color-focus-halo, #ffd700);
    --_error: var(--referral-color-error, #b51d09);
    --_error-bg: var(--referral-color-error-background, #fbeae8);
    --_warning: var(--referral-color-warning, #8a5300);
    --_warning-bg: var(--referral-color-warning-background, #fff5dc);
    --_danger: var(--referral-color-danger, #b51d09);
    --_danger-bg: var(--referral-color-danger-background, #fbeae8);
    --_info-bg: var(--referral-color-info-background, #e6f0fa);
    --_success: var(--referral-color-success, #2a6b00);
    --_success-bg: var(--referral-color-success-background, #ecf4e6);
    --_radius: var(--referral-radius, 4px);
    --_space: var(--referral-space, 8px);
    --_font-size: var(--referral-font-size, 1rem);
    --_max-width: var(--referral-max-width, 44rem);
  }
`;
