// The live feed (docs/LIVE-PROTOCOL.md): one WebSocket, topics added and removed as views change,
// automatic reconnect with backoff, resuming after the last outbox position seen (any server, even
// a restarted one), `resync` passed on so views reload over HTTP.
import { accessToken, isSignedIn } from './auth.js';
import { emit } from './events.js';
import { api } from './api.js';

class LiveFeed extends EventTarget {
  constructor() {
    super();
    this.ws = null;
    this.state = 'idle';          // idle | connecting | open | reconnecting | offline
    this.topics = new Set();      // what views want
    this.lastId = null;           // highest id of un-keyed events processed
    this.stream = null;
    this.position = null;         // highest outbox position of the events processed
    this.attempt = 0;
    this.timer = null;
    this.opening = false;          // waiting for an access token before opening the socket
    this.lastMessageAt = 0;
    addEventListener('online', () => this.connectSoon(0));
    addEventListener('offline', () => { this.setState('offline'); this.ws?.close(); });
    // A watchdog: the server sends a heartbeat every 15 s; silence for 50 s means a dead socket.
    setInterval(() => {
      if (this.state === 'open' && Date.now() - this.lastMessageAt > 50000) this.ws?.close();
    }, 5000);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    emit('live-state', { state });
  }

  start() {
    if (this.ws || !isSignedIn()) return;
    this.connect();
  }

  stop() {
    clearTimeout(this.timer);
    const ws = this.ws; this.ws = null;
    ws?.close(1000);
    this.lastId = null; this.stream = null; this.position = null;
    this.setState('idle');
  }

  /** Opens the socket with a fresh access token (renewed first when it is about to expire). */
  async connect() {
    clearTimeout(this.timer);
    if (this.opening) return;
    if (!isSignedIn()) { this.setState('idle'); return; }
    if (!navigator.onLine) { this.setState('offline'); this.connectSoon(); return; }
    this.setState(this.attempt ? 'reconnecting' : 'connecting');
    this.opening = true;
    let tk;
    try { tk = await accessToken(); } finally { this.opening = false; }
    if (this.ws || this.state === 'idle') return;   // connected or stopped meanwhile
    if (!tk) { this.setState('idle'); return; }
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/v1/live?access_token=${encodeURIComponent(tk)}`);
    this.ws = ws;
    let opened = false;
    ws.addEventListener('open', () => {
      opened = true;
      this.attempt = 0;
      this.lastMessageAt = Date.now();
      const msg = { type: 'subscribe', topics: [...this.topics] };
      // States, faults, stops and Andon steps carry their outbox position: resume by it when known.
      if (this.position !== null) msg.afterPosition = this.position;
      else if (this.lastId !== null && this.stream) { msg.resumeFrom = this.lastId; msg.stream = this.stream; }
      ws.send(JSON.stringify(msg));
      this.setState('open');
      emit('live-open', {});
    });
    ws.addEventListener('message', (e) => this.onMessage(ws, e));
    ws.addEventListener('close', async () => {
      if (this.ws !== ws) return;       // replaced or stopped on purpose
      this.ws = null;
      if (!opened) {
        // A refused upgrade (e.g. 401) cannot be told from a network failure: ask over HTTP.
        try { await api('/v1/auth/me'); } catch { /* api() handles 401 */ }
      }
      if (!isSignedIn()) { this.setState('idle'); return; }
      this.setState(navigator.onLine ? 'reconnecting' : 'offline');
      this.connectSoon();
    });
  }

  connectSoon(delay) {
    clearTimeout(this.timer);
    if (!isSignedIn()) return;
    if (delay === undefined) {
      this.attempt += 1;
      delay = Math.min(30000, 1000 * 2 ** Math.min(this.attempt - 1, 5)) * (0.75 + Math.random() * 0.5);
    }
    if (delay === 0 && this.ws) return;
    this.timer = setTimeout(() => { if (!this.ws) this.connect(); }, delay);
  }

  onMessage(ws, e) {
    this.lastMessageAt = Date.now();
    let parsed;
    try { parsed = JSON.parse(e.data); } catch { return; }
    // A frame holds one message, or an array of the messages that were ready together.
    for (const msg of Array.isArray(parsed) ? parsed : [parsed]) this.handle(ws, msg);
  }

  handle(ws, msg) {
    switch (msg?.type) {
      case 'heartbeat': ws.send('{"type":"pong"}'); break;
      case 'subscribed':
        if (this.stream && msg.stream !== this.stream) this.lastId = null;
        this.stream = msg.stream;
        if (this.lastId === null) this.lastId = msg.lastId;
        if (this.position === null && typeof msg.position === 'number') this.position = msg.position;
        break;
      case 'event':
        if (!msg.key && typeof msg.id === 'number') this.lastId = Math.max(this.lastId ?? 0, msg.id);
        if (typeof msg.position === 'number') this.position = Math.max(this.position ?? 0, msg.position);
        this.dispatchEvent(new CustomEvent('event', { detail: msg }));
        break;
      case 'resync':
        this.stream = msg.stream; this.lastId = msg.lastId; this.position = null;
        this.dispatchEvent(new CustomEvent('resync', { detail: msg }));
        emit('resync', msg);
        break;
      case 'error':
        console.warn('live feed:', msg.message, msg.topic || '');
        break;
      default: break;
    }
  }

  /** The set of topics the current screen needs (plant and andon are always wanted). */
  setTopics(list) {
    const want = new Set(['plant', 'andon', ...list.map((x) => x.toLowerCase())]);
    const add = [...want].filter((x) => !this.topics.has(x));
    const remove = [...this.topics].filter((x) => !want.has(x));
    this.topics = want;
    if (this.ws?.readyState === WebSocket.OPEN) {
      if (add.length) this.ws.send(JSON.stringify({ type: 'subscribe', topics: add }));
      if (remove.length) this.ws.send(JSON.stringify({ type: 'unsubscribe', topics: remove }));
    }
  }

  /** Listen to events; answers an unsubscribe function. */
  onEvent(fn) {
    const w = (e) => fn(e.detail);
    this.addEventListener('event', w);
    return () => this.removeEventListener('event', w);
  }
  onResync(fn) {
    const w = (e) => fn(e.detail);
    this.addEventListener('resync', w);
    return () => this.removeEventListener('resync', w);
  }
}

export const live = new LiveFeed();
