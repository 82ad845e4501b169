/**
 * Dev server only (`npm start`): serves the caseworker demo. The library build belongs to the
 * embedding work (issue 4) and will extend this file.
 */
import { defineConfig, type Plugin } from 'vite';

/** `/` opens the caseworker demo, so `npm start` lands on a page with the widget. */
function rootToDemo(): Plugin {
  return {
    name: 'referral-root-to-demo',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [rootToDemo()],
  server: {
    open: process.env.CI ? false : '/demo/',
    port: 5173,
  },
});
