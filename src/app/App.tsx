/**
 * The app shell: header with history and sharing, notices, then a controls column (parameters,
 * candidates, import) beside the readouts. The explainer panels of the next issue go below.
 */
import { CandidatePicker } from './CandidatePicker.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { Notices } from './Notices.tsx';
import { ParamControls } from './ParamControls.tsx';
import { Readouts } from './Readouts.tsx';
import { Toolbar } from './Toolbar.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>DR Loss Explorer</h1>
          <p className="tagline">
            The Distributional Ranking loss (Qian et al., CVPR 2020), live and exact.
          </p>
        </div>
        <Toolbar />
      </header>
      <Notices />
      <main className="app-main">
        <div className="controls">
          <ParamControls />
          <CandidatePicker />
          <ImportPanel />
        </div>
        <div className="results">
          <Readouts />
        </div>
      </main>
    </div>
  );
}
