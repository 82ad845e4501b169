/**
 * The trainer's flow diagram at 1280×720 in Danish, English and Greenlandic: every box is sized
 * to its text, measured in the rendered page — each title and condition lies inside its box, the
 * title does not run into the condition, nothing is cut off, and no two boxes overlap.
 * (Kalaallisut's long words overlapped and were clipped in fixed-height boxes.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import i18next from 'i18next';
import { resources } from '../../src/i18n/resources.ts';
import { makeTranslator } from '../../src/i18n/translator.ts';
import { addTrainingBundles } from '../../src/training/i18n.ts';
import '../../src/training/referral-flow-diagram.ts';
import type { ReferralFlowDiagram } from '../../src/training/referral-flow-diagram.ts';
import { names } from '../../src/i18n/names.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'da', fallbackLng: 'da', ns: ['ui', 'rules'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false, defaultVariables: names } });
addTrainingBundles(i18n);

type Rect = { left: number; right: number; top: number; bottom: number };
const inside = (a: Rect, b: Rect, tol = 1) =>
  a.left >= b.left - tol && a.right <= b.right + tol && a.top >= b.top - tol && a.bottom <= b.bottom + tol;
const overlap = (a: Rect, b: Rect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
function textRect(el: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect();
}

async function settled(el: ReferralFlowDiagram) {
  let last = '';
  for (let i = 0; i < 10; i++) {
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const now = JSON.stringify(el.heights);
    if (now === last) return;
    last = now;
  }
  throw new Error('the box heights never settled');
}

describe('flow diagram layout at 1280×720', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 720 });
  });

  for (const lang of ['da', 'en', 'kl'] as const) {
    it(`sizes every box to its text, with no overlap and no clipping (${lang})`, async () => {
      expect(i18n.hasResourceBundle(lang, 'rules'), `${lang} rules loaded`).to.equal(true);
      const tr = makeTranslator(i18n, lang);
      const el = await fixture<ReferralFlowDiagram>(html`<div style="width: 1200px">
        <referral-flow-diagram
          .tr=${tr}
          .path=${['acute', 'acuteWarning', 'age', 'substances']}
          .current=${'substances'}
          .upcoming=${['mental-health', 'trauma', 'refusal']}
        ></referral-flow-diagram>
      </div>`).then((div) => div.querySelector('referral-flow-diagram') as ReferralFlowDiagram);
      await document.fonts.ready;
      await settled(el);

      const nodes = [...el.shadowRoot!.querySelectorAll<SVGGElement>('[data-node]')];
      expect(nodes.length).to.equal(16);
      const boxes = nodes.map((g) => ({ id: g.dataset.node!, rect: g.querySelector('rect.box')!.getBoundingClientRect() }));
      for (const g of nodes) {
        const id = g.dataset.node!;
        const box = g.querySelector('rect.box')!.getBoundingClientRect();
        const label = g.querySelector<HTMLElement>('.label')!;
        const name = g.querySelector('.name')!;
        const cond = g.querySelector('.cond');
        expect(name.textContent!.trim(), `${lang} ${id} has a title`).to.not.equal('');
        expect(inside(textRect(name), box), `${lang} ${id}: title inside its box`).to.equal(true);
        if (cond) {
          expect(inside(textRect(cond), box), `${lang} ${id}: condition inside its box`).to.equal(true);
          expect(textRect(name).bottom, `${lang} ${id}: title above its condition`).to.be.at.most(textRect(cond).top + 0.5);
        }
        // nothing cut off by the label's overflow: hidden
        expect(label.scrollHeight, `${lang} ${id}: no text clipped below`).to.be.at.most(label.clientHeight + 1);
        expect(label.scrollWidth, `${lang} ${id}: no text clipped at the side`).to.be.at.most(label.clientWidth + 1);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlap(boxes[i].rect, boxes[j].rect), `${lang}: ${boxes[i].id} and ${boxes[j].id} overlap`).to.equal(false);
        }
      }
      // the Greenlandic boxes that used to overlap or be cut off now hold their whole text
      if (lang === 'kl') {
        const text = (id: string) => el.shadowRoot!.querySelector(`[data-node="${id}"] .name`)!.textContent!.replaceAll('\u00ad', '');
        expect(text('acuteWarning')).to.contain('112 sianerfigiuk');
        expect(text('refusal')).to.equal('Itigartitsineq');
      }
    });
  }
});
