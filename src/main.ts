// Boot only: mount the shell; the shell opens the database, imports the seeds and registers the service worker.
import './app/quorum-app.js';
