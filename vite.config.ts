import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The module that renders the first screen; main.tsx imports it dynamically, after starting the worker. */
const START = /[\\/]src[\\/]app[\\/]start\.tsx$/;
/** The entry. */
const MAIN = /[\\/]src[\\/]app[\\/]main\.tsx$/;

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
        const bundle = ctx.bundle;
        if (!bundle) return [];
        // The page's entry chunk (main.tsx; its facade id is index.html's script).
        const entry = Object.values(bundle).find(
          (c) => c.type === 'chunk' && c.isEntry && c.moduleIds.some((id) => MAIN.test(id)),
        );
        if (!entry || entry.type !== 'chunk') return [];
        const files = new Set<string>();
        const visit = (file: string) => {
          const chunk = bundle[file];
          if (files.has(file) || !chunk || chunk.type !== 'chunk') return;
          files.add(file);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const file of entry.dynamicImports) visit(file);
        // Vite preloads the entry's own static imports already.
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
  plugins: [react(), preloadFirstScreen(), startEngineEarly()],
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
