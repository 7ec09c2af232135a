import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/app.css';
import { registerFont } from './export/font';

// The bundled CJK font as the last fallback of the page's fonts (no network; see export/font.ts).
void registerFont();

mount(App, { target: document.getElementById('app')! });
