/** Placeholder shell; the app-core issue replaces it with controls and readouts. */
export function App() {
  return (
    <main>
      <h1>DR Loss Explorer</h1>
      <p>The Distributional Ranking loss (Qian et al., CVPR 2020), live and exact.</p>
    </main>
  );
}
