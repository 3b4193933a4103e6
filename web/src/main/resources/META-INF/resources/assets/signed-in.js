// Where the identity service sends the browser back: trades the code for tokens.
import { announce, applyPrefs, finishSignIn } from './common.js';

applyPrefs();
finishSignIn().catch((error) => announce('登录未完成 / Sign-in did not complete: ' + error.message, true));
