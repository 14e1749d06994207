import type { Lang } from '../../schema/common';
import { gzipText } from '../../run/bundleFile';
import { exportStored, applyImport, previewImport, readBundleFile, type ImportMode } from '../../store/transfer';
import { formatBytes, storageEstimate } from '../../store/estimate';
import type { AppContext } from '../appContext';
import { h } from '../dom';
import { installStaff, sharedDb, startFresh } from './hospitalState';
import { replayController } from './replayController';
import { ds, num } from './strings';

/** Storage used, export, import with a preview (merge or replace), and "start fresh" with a confirmation. */
/** The panel's last message, kept across redraws (an import redraws the whole dashboard). */
export interface MemoryNotice {
  text?: string;
  error?: boolean;
}

export function memoryPanel(app: AppContext, lang: Lang, notice: MemoryNotice): HTMLElement {
  const status = h('div', { attrs: { 'data-testid': 'memory-status', 'aria-live': 'polite' } });
  const storage = h('p', { class: 'muted', attrs: { 'data-testid': 'storage-used' } });
  const show = (): void => {
    if (notice.text === undefined) return status.replaceChildren();
    status.replaceChildren(
      notice.error
        ? h('pre', { class: 'error', attrs: { role: 'alert', 'data-testid': 'import-error' } }, notice.text)
        : h('p', {}, notice.text),
    );
  };
  const say = (text: string, error = false): void => {
    notice.text = text;
    notice.error = error;
    show();
  };
  show();
  const refreshStorage = async (): Promise<void> => {
    const e = await storageEstimate();
    storage.textContent = e
      ? ds('storageUsed', lang, { used: formatBytes(e.usage), quota: formatBytes(e.quota) })
      : ds('storageUnknown', lang);
  };
  void refreshStorage();

  const exportButton = h(
    'button',
    {
      attrs: { 'data-testid': 'export' },
      on: {
        click: () =>
          void (async () => {
            const bundle = await exportStored(await sharedDb());
            // Gzipped: a teacher can send it (100,000 consultations: 86.6 MB of JSON, 5.9 MB gzipped).
            const gz = await gzipText(JSON.stringify(bundle));
            const url = URL.createObjectURL(new Blob([gz as Uint8Array<ArrayBuffer>], { type: 'application/gzip' }));
            const a = h('a', { attrs: { href: url, download: `agent-hospital-bases-${bundle.consultations}.json.gz` } });
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
          })().catch((err: Error) => say(err.message, true)),
      },
    },
    ds('export', lang),
  );

  const fileInput = h('input', {
    attrs: {
      type: 'file',
      accept: 'application/json,application/gzip,.json,.gz',
      'data-testid': 'import-file',
      'aria-label': ds('import', lang),
    },
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    if (replayController.busy) return say(ds('busy', lang), true);
    void (async () => {
      const db = await sharedDb();
      const bundle = await readBundleFile(app.kb, new Uint8Array(await file.arrayBuffer()));
      const preview = await previewImport(db, bundle);
      const apply = (mode: ImportMode): void =>
        void (async () => {
          const stored = await applyImport(db, bundle, mode, Date.now());
          say(ds('imported', lang));
          await installStaff(app, stored, 'import');
          void refreshStorage();
        })().catch((err: Error) => say(`${ds('refused', lang)}\n${err.message}`, true));
      status.replaceChildren(
        h(
          'div',
          { class: 'import-preview', attrs: { 'data-testid': 'import-preview' } },
          h(
            'p',
            {},
            ds('preview', lang, {
              consultations: num(preview.incoming.consultations, lang),
              cases: num(preview.incoming.cases, lang),
              experiences: num(preview.incoming.experiences, lang),
              checkpoints: num(preview.incoming.checkpoints, lang),
            }),
          ),
          h(
            'p',
            {},
            ds('afterMerge', lang, {
              consultations: num(preview.after.merge.consultations, lang),
              cases: num(preview.after.merge.cases, lang),
              experiences: num(preview.after.merge.experiences, lang),
            }),
          ),
          h(
            'p',
            {},
            ds('afterReplace', lang, { cases: num(preview.current.cases, lang), experiences: num(preview.current.experiences, lang) }),
          ),
          h('button', { attrs: { 'data-testid': 'import-merge' }, on: { click: () => apply('merge') } }, ds('merge', lang)),
          h('button', { attrs: { 'data-testid': 'import-replace' }, on: { click: () => apply('replace') } }, ds('replace', lang)),
          h('button', { on: { click: () => status.replaceChildren() } }, ds('dismiss', lang)),
        ),
      );
    })().catch((err: Error) => say(`${ds('refused', lang)}\n${err.message}`, true));
  });

  const fresh = h(
    'button',
    {
      class: 'danger',
      attrs: { 'data-testid': 'start-fresh' },
      on: {
        click: () => {
          if (replayController.busy) return say(ds('busy', lang), true);
          status.replaceChildren(
            h(
              'div',
              { class: 'confirm', attrs: { role: 'alertdialog' } },
              h('p', {}, ds('confirmFresh', lang)),
              h(
                'button',
                {
                  class: 'danger',
                  attrs: { 'data-testid': 'confirm-fresh' },
                  on: {
                    click: () => (
                      (notice.text = ds('freshDone', lang)),
                      (notice.error = false),
                      void startFresh(app).then(
                        () => void refreshStorage(),
                        (err: Error) => say(err.message, true),
                      )
                    ),
                  },
                },
                ds('startFresh', lang).replace('…', ''),
              ),
              h('button', { on: { click: () => status.replaceChildren() } }, ds('keep', lang)),
            ),
          );
        },
      },
    },
    ds('startFresh', lang),
  );

  return h(
    'section',
    { class: 'panel memory' },
    h('h3', {}, ds('storage', lang)),
    storage,
    h('div', { class: 'row' }, exportButton, h('label', { class: 'file' }, ds('import', lang), fileInput), fresh),
    status,
  );
}
