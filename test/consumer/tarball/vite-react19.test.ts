import { describeViteApp } from './vite-app.js';
import { locked } from './consumer-app.js';

describeViteApp(19, locked('react', 'react-dom', '@types/react', '@types/react-dom'));
