"""End-to-end tests of the MS5 floor app in Debian's headless Chromium against a real `ms5 demo`."""
import re
import time
import uuid

from conftest import shot, sign_in, watch_console

BREAD = "BREAD1"


def line_id(server, code=BREAD):
    return next(l["id"] for l in server.get("/v1/lines")["items"] if l["code"] == code)


def wait_until(fn, timeout=60, interval=0.5, message="condition"):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}; last value: {last!r}")


def outbox_counts(page):
    el = page.locator("#outbox-indicator")
    return int(el.get_attribute("data-pending") or 0), int(el.get_attribute("data-rejected") or 0)


# ---------------------------------------------------------------------------------------------

def test_login_and_live_updates(server, new_context):
    page = new_context().new_page()
    errors = watch_console(page)
    sign_in(page, server)
    assert page.locator("#plant-tiles .tile").count() == len(server.get("/v1/lines")["items"])
    page.goto(f"/#/line/{line_id(server)}")
    page.wait_for_selector("#equipment-list .eq-item .state-chip")
    before = page.locator("#equipment-list").inner_text()
    page.evaluate("window.__marker = 'no-reload'")
    # The simulator changes rates and states within seconds; the screen must follow without a reload.
    wait_until(lambda: page.locator("#equipment-list").inner_text() != before, timeout=90, message="a live change on the line view")
    assert page.evaluate("window.__marker") == "no-reload"
    assert page.locator("#conn-status").get_attribute("data-state") == "open"
    assert not errors, errors


def test_stop_coded_in_one_context_appears_in_another(server, new_context):
    lid = line_id(server)
    a, b = new_context().new_page(), new_context().new_page()
    sign_in(a, server)
    sign_in(b, server)
    a.goto(f"/#/line/{lid}")
    b.goto(f"/#/line/{lid}")
    # Make the bagger stop for a while as an engineer would (a speed threshold it cannot reach),
    # then let it run again. Not a stop of the demo's first seconds: a new timeline starts
    # "stopped" until its first state has lasted the debounce, and is then relabelled from its
    # start, so such a stop can vanish while it is being coded.
    bag = next(e["id"] for e in server.get("/v1/equipment")["items"] if e["code"] == "BAG1")
    rules = {"type": "derived", "speedMetric": "MC_Avg_Speed", "minimumDuration": 0}
    assert server.request("PUT", f"/v1/equipment/{bag}/state-rules", dict(rules, runningSpeedThreshold=1e9))[0] == 200
    time.sleep(25)
    assert server.request("PUT", f"/v1/equipment/{bag}/state-rules", dict(rules, runningSpeedThreshold=1))[0] == 200
    try:
        a.wait_for_selector("#stop-list li.stop.uncoded", timeout=90000)
    except Exception:
        shot(a, "stop-list-missing")
        raise
    stop = a.locator("#stop-list li.stop.uncoded").first
    start, eq = stop.get_attribute("data-stop-start"), stop.get_attribute("data-equipment-id")
    stop.get_by_role("button", name=re.compile("Code stop")).click()
    a.get_by_role("button", name=re.compile("Mechanical")).click()
    a.locator("button[data-reason=JAM]").click()
    sel = f'#stop-list li.stop[data-stop-start="{start}"][data-equipment-id="{eq}"]'
    # Applied (shown coded here) or refused (the problem shown in the outbox) — never silently dropped.
    wait_until(lambda: outbox_counts(a)[1] > 0 or a.locator(f'{sel}[data-reason="JAM"]').count() > 0,
               timeout=40, message="the coding to be applied or refused")
    if outbox_counts(a)[1]:
        a.goto("/#/outbox")
        detail = a.locator(".ob-rejected .ob-detail").first.inner_text()
        shot(a, "stop-coding-refused")
        raise AssertionError(f"the server refused the stop coding (stopStart={start}): {detail}")
    b.wait_for_selector(f'{sel}[data-reason="JAM"]', timeout=40000)
    assert "Jam" in b.locator(sel).inner_text()


def test_andon_raise_acknowledge_resolve(server, new_context):
    page = new_context().new_page()
    sign_in(page, server)
    page.goto("/#/andon")
    text = f"andon-{uuid.uuid4().hex[:8]}"
    # Two taps: category, then priority (the note is optional).
    page.locator("#andon-categories button[data-category=maintenance]").click()
    page.fill("#andon-text", text)
    page.locator("#andon-priorities button[data-priority=high]").click()
    call = page.locator("#andon-board li.call", has_text=text)
    call.wait_for()
    assert call.get_attribute("data-status") == "open"
    assert "Level 1" in call.inner_text()
    call.locator("button[data-action=acknowledge]").click()
    page.wait_for_selector(f'#andon-board li.call[data-status="acknowledged"]:has-text("{text}")')
    call.locator("button[data-action=resolve]").click()
    page.get_by_role("button", name="Fixed").click()
    call.wait_for(state="detached")
    calls = [c for c in server.get("/v1/andon/calls?status=all")["items"] if c["text"] == text]
    assert len(calls) == 1 and calls[0]["status"] == "resolved" and calls[0]["resolutionNote"] == "Fixed", calls


def test_offline_actions_are_applied_exactly_once(server, new_context):
    lid = line_id(server)
    order = next(o for o in server.get("/v1/orders")["items"] if o["status"] == "running")
    assignment = server.post(f"/v1/orders/{order['id']}/assignments", {"username": "admin"})
    existing = server.post("/v1/andon/calls", {"lineId": lid, "category": "quality", "priority": "medium", "text": f"pre-{uuid.uuid4().hex[:6]}"})
    ctx = new_context()
    page = ctx.new_page()
    keys = []
    page.on("request", lambda r: keys.append((r.method, r.url, r.headers.get("idempotency-key"))) if r.method == "POST" and "/v1/" in r.url and "/auth/" not in r.url else None)
    frames = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: frames.append(payload)))
    sign_in(page, server)
    page.goto("/#/jobs")
    page.wait_for_selector(f'li.job[data-assignment-id="{assignment["id"]}"]')
    page.goto("/#/andon")
    page.wait_for_selector(f'li.call[data-call-id="{existing["id"]}"]')

    ctx.set_offline(True)
    page.wait_for_selector("#conn-status[data-state=offline]")
    texts = [f"offline-{i}-{uuid.uuid4().hex[:6]}" for i in range(2)]
    for i, text in enumerate(texts):
        page.locator(f"#andon-categories button[data-category={'material' if i else 'help'}]").click()
        page.fill("#andon-text", text)
        page.locator("#andon-priorities button[data-priority=low]").click()
    page.locator(f'li.call[data-call-id="{existing["id"]}"] button[data-action=acknowledge]').click()
    page.goto("/#/jobs")   # served from the service worker's cache while offline
    page.locator(f'li.job[data-assignment-id="{assignment["id"]}"] button[data-action=accepted]').click()
    wait_until(lambda: outbox_counts(page)[0] == 4, message="4 waiting actions")
    page.goto("/#/outbox")
    page.wait_for_selector("#outbox-open li.ob-item")   # the view reads IndexedDB after the hash changes
    assert page.locator("#outbox-open li.ob-item").count() == 4
    shot(page, "outbox-offline")
    time.sleep(2)  # nothing may reach the server while offline
    assert not [c for c in server.get("/v1/andon/calls?status=all")["items"] if c["text"] in texts]

    ctx.set_offline(False)
    wait_until(lambda: outbox_counts(page) == (0, 0), timeout=60, message="the outbox to drain")
    page.wait_for_selector("#outbox-sent li.ob-item[data-status=sent] >> nth=3")
    assert page.locator("#outbox-open li.ob-item").count() == 0
    shot(page, "outbox-sent")
    # The live feed came back by itself and resumed after the last outbox position it had seen.
    page.wait_for_selector("#conn-status[data-state=open]", timeout=40000)
    assert any('"afterPosition"' in f for f in frames), frames
    # Each action applied exactly once.
    calls = server.get("/v1/andon/calls?status=all")["items"]
    for text in texts:
        assert len([c for c in calls if c["text"] == text]) == 1, (text, [c for c in calls if c["text"] == text])
    assert server.get(f"/v1/andon/calls/{existing['id']}")["status"] == "acknowledged"
    mine = [a for a in server.get("/v1/me/assignments")["items"] if a["id"] == assignment["id"]]
    assert mine and mine[0]["status"] == "accepted"
    # Every queued action carried an Idempotency-Key; retries of one action reuse it.
    sent = [k for k in keys if k[2]]
    assert len(sent) >= 4 and all(k[2] for k in keys), keys
    assert len({k[2] for k in sent}) == 4, sent


def test_server_rejection_is_shown_with_retry_and_discard(server, new_context):
    lid = line_id(server)
    call = server.post("/v1/andon/calls", {"lineId": lid, "category": "help", "priority": "low", "text": f"rej-{uuid.uuid4().hex[:6]}"})
    ctx = new_context()
    page = ctx.new_page()
    sign_in(page, server)
    page.goto("/#/andon")
    row = page.locator(f'li.call[data-call-id="{call["id"]}"]')
    row.wait_for()
    # While this tablet is offline someone else acknowledges the call: our queued acknowledgement
    # is refused with 409 when the connection returns.
    ctx.set_offline(True)
    page.wait_for_selector("#conn-status[data-state=offline]")
    server.post(f"/v1/andon/calls/{call['id']}/status", {"status": "acknowledged"})
    row.locator("button[data-action=acknowledge]").click()
    wait_until(lambda: outbox_counts(page)[0] == 1, message="a waiting action")
    ctx.set_offline(False)
    wait_until(lambda: outbox_counts(page)[1] == 1, message="a refused action")
    page.goto("/#/outbox")
    item = page.locator("#outbox-open li.ob-item[data-status=rejected]")
    assert "409" in item.inner_text() and "cannot be acknowledged" in item.locator(".ob-detail").inner_text()
    assert item.get_by_role("button", name="Try again").is_visible()
    shot(page, "outbox-rejected")
    item.get_by_role("button", name="Discard").click()
    item.wait_for(state="detached")
    assert outbox_counts(page) == (0, 0)


# ---------------------------------------------------------------------------------------------
# Accessibility, console and screenshots of every screen

AUDIT_JS = r"""
() => {
  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return [0,0,0,0];
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = ([r,g,b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const blend = (top, bottom) => { const a = top[3]; return [0,1,2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]); };
  const bgOf = (el) => { const layers = []; for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
    let bg = [255,255,255,1]; for (const l of layers.reverse()) bg = blend(l, bg); return bg; };
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }); };
  const problems = { contrast: [], targets: [], alt: [], svg: [] };
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !visible(el) || el.closest('[hidden]')) continue;
    const hasText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (hasText && !el.matches(':disabled') && !el.closest(':disabled')) {
      const cs = getComputedStyle(el); const fg = parse(cs.color); const bg = bgOf(el);
      const f = blend(fg, bg); const l1 = lum(f), l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      const size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700;
      const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
      if (ratio < need) problems.contrast.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0,40)}" ${ratio.toFixed(2)} < ${need}`);
    }
  }
  for (const el of document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea')) {
    if (!visible(el)) continue;
    const box = (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) ? el.closest('label') : el;
    const r = box.getBoundingClientRect();
    if (r.width < 48 || r.height < 48) problems.targets.push(`${el.tagName}#${el.id}.${el.className} "${(el.textContent||el.value||'').trim().slice(0,30)}" ${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.alt.push(img.src);
  for (const svg of document.querySelectorAll('main svg, header svg')) {
    if (svg.getAttribute('aria-hidden') === 'true') continue;
    const ok = svg.getAttribute('role') === 'img' && (svg.getAttribute('aria-label') || svg.querySelector(':scope > title'));
    if (!ok) problems.svg.push(svg.outerHTML.slice(0, 80));
  }
  return problems;
}
"""

SCREENS = [
    ("plant", "/#/plant", "#plant-tiles .tile-oee"),
    ("line", "/#/line/{line}", "#equipment-list .state-chip"),
    ("andon", "/#/andon", "#andon-board"),
    ("oee", "/#/oee/{line}/7", ".data-table"),
    ("jobs", "/#/jobs", "#jobs"),
    ("checklists", "/#/checklists/{line}", "#checklists li.cl-item"),
    ("checklist", "/#/checklist/{template}/{slicer}", "#checklist-form"),
    ("outbox", "/#/outbox", "#outbox-list section"),
    ("settings", "/#/settings", "#set-lang"),
]


def audit(page, name):
    problems = page.evaluate(AUDIT_JS)
    return {k: v for k, v in problems.items() if v}


def fill_checklist_with_a_failure(page):
    """Answers shown in every state: passed, failed (toggle), out of limits, not a number."""
    page.locator('li.cl-row[data-key="guards"] button[data-answer=pass]').click()
    page.locator('li.cl-row[data-key="temp"] input.cl-value').fill("9.5")
    page.locator('li.cl-row[data-key="tension"] input.cl-value').fill("4x")
    page.locator('li.cl-row[data-key="clean"] button[data-answer=fail]').click()


def test_every_screen_accessible_without_console_errors(server, new_context, checklist_template):
    lid = line_id(server)
    slicer = next(e["id"] for e in server.get("/v1/equipment")["items"] if e["code"] == "SLC1")
    order = next(o for o in server.get("/v1/orders")["items"] if o["status"] == "running")
    status, _ = server.request("POST", f"/v1/orders/{order['id']}/assignments", {"username": "admin"})
    assert status in (201, 409)   # 409: already assigned by another test
    server.post("/v1/andon/calls", {"lineId": lid, "category": "safety", "priority": "critical", "text": "Guard door open at the slicer"})
    page = new_context().new_page()
    errors = watch_console(page)
    page.goto("/#/login")
    page.wait_for_selector("#login-user")
    found = {}
    if p := audit(page, "login"):
        found["login"] = p
    shot(page, "login")
    sign_in(page, server)
    for theme in ("dark", "contrast", "light"):
        page.evaluate(f"localStorage.setItem('ms5.settings', JSON.stringify({{...JSON.parse(localStorage.getItem('ms5.settings')||'{{}}'), theme: '{theme}'}}))")
        page.reload()
        page.wait_for_selector("#conn-status[data-state=open]")
        for name, path, ready in SCREENS:
            page.goto(path.format(line=lid, template=checklist_template["id"], slicer=slicer))
            page.wait_for_selector(ready)
            page.wait_for_timeout(1500)
            if p := audit(page, name):
                found[f"{name}/{theme}"] = p
            shot(page, name if theme == "dark" else f"{name}-{theme}")
            if name == "checklist":
                fill_checklist_with_a_failure(page)
                if p := audit(page, "checklist-answered"):
                    found[f"checklist-answered/{theme}"] = p
                shot(page, f"checklist-answered-{theme}")
    # A dialog too (the reason tree / Andon priority) — open, audit, close.
    page.goto("/#/andon")
    page.locator("#andon-categories button[data-category=help]").click()
    page.wait_for_selector("#andon-priorities")
    if p := audit(page, "andon-dialog"):
        found["andon-dialog"] = p
    shot(page, "andon-dialog-light")
    page.keyboard.press("Escape")
    assert not errors, errors
    assert not found, found


def test_portrait_tablet_and_keyboard_focus(server, new_context):
    ctx = new_context()
    page = ctx.new_page()
    page.set_viewport_size({"width": 800, "height": 1280})
    sign_in(page, server)
    page.goto(f"/#/line/{line_id(server)}")
    page.wait_for_selector("#equipment-list .state-chip")
    shot(page, "line-portrait")
    # Keyboard: Tab reaches the skip link first, then the navigation, with a visible focus ring.
    page.goto("/#/plant")
    page.reload()
    page.wait_for_selector("#plant-tiles .tile")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "skip-link"
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth")
    assert page.evaluate("document.activeElement.classList.contains('nav-link')")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline


def test_language_and_theme_settings(server, new_context):
    page = new_context().new_page()
    errors = watch_console(page)
    sign_in(page, server)
    page.goto("/#/settings")
    page.select_option("#set-lang", "de")
    page.wait_for_selector("a.nav-link:has-text('Werk')")
    assert page.evaluate("document.documentElement.lang") == "de"
    page.locator("input[name=theme][value=contrast]").check()
    assert page.evaluate("document.documentElement.dataset.theme") == "contrast"
    page.reload()
    page.wait_for_selector("a.nav-link:has-text('Werk')")
    assert page.evaluate("document.documentElement.dataset.theme") == "contrast"
    shot(page, "settings-de-contrast")
    page.select_option("#set-lang", "en")
    page.wait_for_selector("a.nav-link:has-text('Plant')")
    assert not errors, errors
