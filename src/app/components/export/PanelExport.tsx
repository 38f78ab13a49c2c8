/**
 * "Download SVG" and "Download PNG" for one panel (rendered by PanelFrame through
 * PanelExtrasContext): the panel's charts as one self-contained SVG, or that SVG as a PNG at 2×.
 */
import { useState } from 'react';
import type { PanelExtrasProps } from '../../../panels/common/panelExtras.ts';
import { useAppStore } from '../../hooks/context.tsx';
import { useT } from '../../hooks/i18n.ts';
import { fileStem, panelSvg, svgToPng } from './chartExport.ts';
import { downloadBlob } from './download.ts';

export function PanelExport({ title, panel }: PanelExtrasProps) {
  const s = useT();
  const store = useAppStore();
  const [busy, setBusy] = useState(false);

  const run = async (as: 'svg' | 'png') => {
    const el = panel.current;
    if (!el) return;
    const name = `dr-loss-${fileStem(title)}.${as}`;
    setBusy(true);
    try {
      const { svg, width, height } = panelSvg(el, title);
      const blob =
        as === 'svg'
          ? new Blob([svg], { type: 'image/svg+xml' })
          : await svgToPng(svg, width, height, 2);
      downloadBlob(blob, name);
    } catch (e) {
      store
        .getState()
        .notifyKey(
          'export.failed',
          { name, error: e instanceof Error ? e.message : String(e) },
          'error',
        );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel-export">
      <button
        type="button"
        disabled={busy}
        aria-label={s('export.svgOf', { title })}
        onClick={() => void run('svg')}
      >
        {s('export.svg')}
      </button>
      <button
        type="button"
        disabled={busy}
        aria-label={s('export.pngOf', { title })}
        onClick={() => void run('png')}
      >
        {s('export.png')}
      </button>
    </div>
  );
}
