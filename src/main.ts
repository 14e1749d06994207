import './ui/style.css';
import { startShell } from './ui/shell';
import { VIEWS } from './ui/views';

/** Composition root of the page: the shell and its views (src/ui/views.ts). */
startShell(document.getElementById('app') as HTMLElement, VIEWS);
