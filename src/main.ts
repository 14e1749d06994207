import './ui/style.css';
import { startShell } from './ui/shell';
import { VIEWS } from './ui/views';
// After the views' own sheets, so its small-screen rules win.
import './ui/responsive.css';

/** Composition root of the page: the shell and its views (src/ui/views.ts). */
startShell(document.getElementById('app') as HTMLElement, VIEWS);
