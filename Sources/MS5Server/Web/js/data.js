// Plant model and other slowly changing data, loaded once per session and on demand.
import { api, list, qs, ApiError } from './api.js';

let plant = null;

export async function loadPlant(force = false) {
  if (plant && !force) return plant;
  const [sites, lines, equipment, products, orders] = await Promise.all([
    list('/v1/sites'), list('/v1/lines'), list('/v1/equipment'), list('/v1/products'), list('/v1/orders'),
  ]);
  const settings = {};
  await Promise.all(lines.map(async (l) => {
    try { settings[l.id] = await api(`/v1/lines/${l.id}/production-settings`); } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      settings[l.id] = null;   // 404: not set yet
    }
  }));
  plant = { sites, lines, equipment, products, orders, settings };
  return plant;
}

export function lineEquipment(p, lineId) {
  return p.equipment.filter((e) => e.lineId === lineId);
}
export function equipmentById(p, id) {
  return p.equipment.find((e) => e.id.toLowerCase() === String(id).toLowerCase());
}
export function lineById(p, id) {
  return p.lines.find((l) => l.id.toLowerCase() === String(id).toLowerCase());
}
export function constraintOf(p, lineId) {
  return p.settings[lineId]?.constraintEquipmentId ?? null;
}
/** The running order of a line (on any of its equipment) and its product. */
export function runningOrder(p, lineId) {
  const ids = new Set(lineEquipment(p, lineId).map((e) => e.id));
  const order = p.orders.find((o) => o.status === 'running' && ids.has(o.equipmentId));
  if (!order) return null;
  return { order, product: p.products.find((x) => x.id === order.productId) || null };
}

/** The current state interval of an equipment (the last, open one). */
export async function currentState(equipmentId) {
  const from = new Date(Date.now() - 60000).toISOString();
  const { items } = await api(`/v1/equipment/${equipmentId}/states${qs({ from })}`);
  return items.length ? items[items.length - 1] : null;
}

/** The current shift of a line: the last shift period of the last 9 hours (with its KPIs). */
export async function currentShift(lineId) {
  const from = new Date(Date.now() - 9 * 3600 * 1000).toISOString();
  const { items } = await api(`/v1/lines/${lineId}/performance/periods${qs({ by: 'shift', from })}`);
  return items.length ? items[items.length - 1] : null;
}

export function reasonIndex(settings) {
  const map = new Map();
  for (const c of settings?.reasonTree?.categories || []) {
    for (const r of c.reasons || []) map.set(r.code, { category: c, reason: r });
  }
  return map;
}

export const STATES = ['running', 'idle', 'held', 'suspended', 'stopped'];
