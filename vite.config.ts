import { defineConfig, type Plugin } from 'vite';
import type { OutputBundle } from 'rolldown';
import react from '@vitejs/plugin-react';

/** The module that renders the first screen; main.tsx imports it dynamically, after starting the worker. */
const START = /[\\/]src[\\/]app[\\/]start\.tsx$/;
/** The entry. */
const MAIN = /[\\/]src[\\/]app[\\/]main\.tsx$/;

/** The first screen's chunks: the entry, what it imports dynamically at once, and their imports. */
function firstScreenFiles(bundle: OutputBundle): Set<string> {
  const files = new Set<string>();
  const entry = Object.values(bundle).find(
    (c) => c.type === 'chunk' && c.isEntry && c.moduleIds.some((id) => MAIN.test(id)),
  );
  if (!entry || entry.type !== 'chunk') return files;
  const visit = (file: string) => {
    const chunk = bundle[file];
    if (files.has(file) || !chunk || chunk.type !== 'chunk') return;
    files.add(file);
    for (const imported of chunk.imports) visit(imported);
  };
  visit(entry.fileName);
  for (const file of entry.dynamicImports) visit(file);
  return files;
}

/**
 * index.html preloads the first screen's chunks: what the entry (main.tsx) imports dynamically at
 * once (React DOM's client, start.tsx) and everything those import statically, so they download
 * while the entry starts instead of after it. Nothing else is preloaded: panels below the fold,
 * KaTeX, Chinese and the cards come when needed.
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'dr:preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return [];
        const files = firstScreenFiles(ctx.bundle);
        // The entry is index.html's script, and Vite preloads its static imports already.
        const listed = (file: string) => html.includes(`/${file}"`);
        return [...files]
          .filter((file) => !listed(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * V8's explicit compile hint on the first screen's chunks: with `//# allFunctionsCalledOnLoad` as a
 * file's first line, Chromium (136 and later) compiles all of its functions while the file streams
 * in, on a background thread, instead of each on the main thread at its first call. A cold load
 * calls most of them (React's render and commit, the store, the controls and readouts); without the
 * hint, compiling them lazily took about a third of React's first-render slices (traced at 4×).
 * Measured (bench: 16 cold loads of each build, interleaved load by load, medians of "drawn"):
 * with the CPU throttled 4×, 889 ms without the hint, 874 with it on the app's chunks alone, 824
 * with it on all of them; at 1×, 281, 308 and 303 ms (the main thread then waits a little for the
 * whole file's compilation). DevTools' throttling slows the main thread only, not the compiling
 * thread, so the 4× figure flatters it somewhat. Other engines read the hint as a comment. The
 * source map gains an empty first line, so every mapping stays on its line.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

function compileHintFirstScreen(): Plugin {
  return {
    name: 'dr:compile-hint-first-screen',
    apply: 'build',
    generateBundle: {
      // After Vite's own rewrite of the chunks (its preload map goes on their first line).
      order: 'post',
      handler(_options, bundle) {
        for (const file of firstScreenFiles(bundle)) {
          const chunk = bundle[file];
          if (chunk.type !== 'chunk') continue;
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const map = bundle[`${file}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            json.mappings = `;${json.mappings}`;
            map.source = JSON.stringify(json);
          }
        }
      },
    },
  };
}

/**
 * The engine worker starts from a small inline script at the top of index.html, while the page's
 * chunks are still downloading: created by main.tsx, it started only once they had all arrived and
 * been compiled, and on a cold load the first result waited for the worker's own start. The script
 * holds the worker's messages until main.tsx adopts it (src/app/earlyWorker.ts); without it (the dev
 * server, or a failure) main.tsx starts the worker itself.
 */
function startEngineEarly(): Plugin {
  return {
    name: 'dr:start-engine-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        let file: string | undefined;
        for (const out of Object.values(bundle)) {
          if (out.type !== 'chunk' || !out.isEntry) continue;
          file = /engine\.worker-[\w-]+\.js/.exec(out.code)?.[0];
          if (file) break;
        }
        if (!file) return [];
        const url = JSON.stringify(`./assets/${file}`);
        return [
          {
            tag: 'script',
            children:
              `(function(){try{var w=new Worker(${url},{type:"module"}),e={worker:w,held:[],taken:false};` +
              `var k=function(v){if(!e.taken){e.held.push(v);if(v.type==="error")v.preventDefault()}};` +
              `w.addEventListener("message",k);w.addEventListener("error",k);window.__drEngine=e}catch(x){}})()`,
            injectTo: 'head-prepend' as const,
          },
        ];
      },
    },
  };
}

export default defineConfig({
  // Relative URLs in the build, so dist/ works from any sub-path (a project page on a static host),
  // not only from a domain's root (tests/e2e/subpath.spec.ts serves it under one).
  base: './',
  plugins: [react(), preloadFirstScreen(), startEngineEarly(), compileHintFirstScreen()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // The first screen in two chunks rather than thirty: over HTTP/1.1 a browser fetches six
        // files at a time, and each small chunk cost a round trip on a cold load. React alone (it
        // changes only with its version), then start.tsx with everything it imports statically
        // (a group takes its modules' dependencies along). The rest splits as the imports do.
        codeSplitting: {
          groups: [
            // Vite's preload helper on its own: inside the start chunk it made the entry import that
            // chunk statically, so the whole app was evaluated before main.tsx could run.
            { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 3 },
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 2,
            },
            { name: 'start', test: START, priority: 1 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
