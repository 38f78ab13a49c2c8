/**
 * The page walks the paper's argument in order: a header (title, a one-line intro, language and
 * theme, history and sharing), the notices, the controls (a sticky side column on wide screens, on
 * top on narrow ones), the readouts, the eight explainer panels, and the candidate editor.
 */
import { CandidatePicker } from './CandidatePicker.tsx';
import { Explainer } from './Explainer.tsx';
import { useT } from '../hooks/i18n.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { Notices } from './Notices.tsx';
import { PreferenceControls } from './PreferenceControls.tsx';
import { LiveReadouts } from './LiveReadouts.tsx';
import { BaselineControls } from './BaselineControls.tsx';
import { DockParameters, DockProvider, DockedParamControls } from './DockParameters.tsx';
import { TourButton, TourDialog } from './TourDialog.tsx';
import { useApp } from '../hooks/context.tsx';
import type { HideId } from '../../state/lesson.ts';
import { Toolbar } from './Toolbar.tsx';
import { Later, lazyNamed } from './Later.tsx';
import { WarmPool } from './WarmPool.tsx';
import { Suspense } from 'react';

// Below the first screen, fetched once the first result is shown (Later.tsx); the embed view only
// in embed mode.
const CandidateEditor = lazyNamed(() => import('./CandidateEditor.tsx'), 'CandidateEditor');
const TrainSection = lazyNamed(() => import('./train/TrainSection.tsx'), 'TrainSection');
const CheckCard = lazyNamed(() => import('./check/CheckCard.tsx'), 'CheckCard');
const ExportCard = lazyNamed(() => import('./export/ExportCard.tsx'), 'ExportCard');
const EmbedView = lazyNamed(() => import('./EmbedView.tsx'), 'EmbedView');

export function App() {
  const s = useT();
  const lesson = useApp((st) => st.lesson);
  // A lesson link may hide blocks (`hide=controls,…`) or show one panel alone (`embed=…`).
  const shows = (id: HideId) => !lesson.hide.includes(id);
  if (lesson.embed !== null) {
    return (
      <Suspense fallback={null}>
        <EmbedView />
      </Suspense>
    );
  }
  return (
    <DockProvider>
      <div className="app">
        <header className="app-header">
          <div className="app-title">
            <h1>{s('app.title')}</h1>
            <p className="tagline">{s('app.tagline')}</p>
          </div>
          <div className="app-actions">
            <PreferenceControls />
            <TourButton />
            <Toolbar />
          </div>
          <p className="intro">{s('app.intro')}</p>
        </header>
        <Notices />
        <main className="app-main">
          <div className="controls">
            {/* Below the parameters, under the fold of a first screen: the preset picker and the
                import card come in idle periods after the first readout (Later.tsx), their
                rendering, style and layout off its path (4× CPU throttling: ~50 ms sooner). */}
            {shows('controls') && <DockedParamControls />}
            {shows('candidates') && (
              <Later>
                <CandidatePicker />
              </Later>
            )}
            {shows('import') && (
              <Later>
                <ImportPanel />
              </Later>
            )}
          </div>
          {shows('readouts') && <LiveReadouts />}
          {shows('readouts') && <BaselineControls />}
          <Explainer />
          {/* One idle period each: fetched, compiled and rendered together they made one long task. */}
          <Later>
            <TrainSection />
          </Later>
          {shows('editor') && (
            <Later>
              <CandidateEditor />
            </Later>
          )}
          {shows('import') && (
            <Later>
              <CheckCard />
            </Later>
          )}
          <Later>
            <ExportCard />
          </Later>
          {/* Last in the idle queue: the pool's workers start once the page has settled. */}
          <Later>
            <WarmPool />
          </Later>
        </main>
        {shows('controls') && <DockParameters />}
        <TourDialog />
      </div>
    </DockProvider>
  );
}
