import { mount } from 'svelte';
import { registerFont } from './export/font';
import App from './ui/App.svelte';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });

// The bundled CJK font as the last fallback of the page's fonts (no network; see export/font.ts),
// decoded after the first paint so it does not delay it.
setTimeout(() => void registerFont(), 0);
