import { describeViteApp } from './vite-app.js';
import { lockedVersion } from './consumer-app.js';

describeViteApp(18, {
  react: lockedVersion('react', 'test/react18/node_modules/react'),
  'react-dom': lockedVersion('react-dom', 'test/react18/node_modules/react-dom'),
  '@types/react': '18.3.32',
  '@types/react-dom': '18.3.7',
});
