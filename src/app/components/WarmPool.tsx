/**
 * Starts the engine worker's pool of workers (the detection-scale preset's builders) when it is
 * mounted: App mounts it last among the Later blocks, in an idle period after the first readout.
 * Started with the first result instead, the workers' start competed with the readout's render for
 * the cores (cold load to the readout about 100 ms slower, npm run bench:ui); started with the
 * detection-scale load itself, their start is on its critical path.
 */
import { useEffect } from 'react';
import { useServices } from '../hooks/context.tsx';

export function WarmPool() {
  const services = useServices();
  useEffect(() => {
    services.warmPool?.();
  }, [services]);
  return null;
}
