"""Checklists on the floor: filling one in (a value out of limits) and offline completion through the outbox."""
import time

from conftest import shot, sign_in, watch_console
from test_app import line_id, outbox_counts, wait_until


def equipment_id(server, code):
    return next(e["id"] for e in server.get("/v1/equipment")["items"] if e["code"] == code)


def completions(server, eq, template):
    items = server.get(f"/v1/checklist-completions?equipmentId={eq}")["items"]
    return [c for c in items if c["templateId"].lower() == template["id"].lower()]


def row(page, key):
    return page.locator(f'#checklist-form li.cl-row[data-key="{key}"]')


def open_checklist(page, template, eq):
    item = page.locator(f'#checklists li.cl-item[data-template-id="{template["id"]}"][data-equipment-id="{eq}"]')
    item.locator("a[data-action=start]").click()
    page.wait_for_selector("#checklist-form")


def test_checklist_with_value_out_of_limits_fails(server, new_context, checklist_template):
    slicer = equipment_id(server, "SLC1")
    page = new_context().new_page()
    errors = watch_console(page)
    sign_in(page, server)
    page.goto("/#/jobs")
    page.click("#jobs-checklists")                 # reachable from My jobs
    page.wait_for_selector("#checklists li.cl-item")
    assert "Not completed yet" in page.locator(f'li.cl-item[data-equipment-id="{slicer}"]').inner_text()
    open_checklist(page, checklist_template, slicer)
    submit = page.locator("#cl-submit")
    assert submit.is_disabled()

    row(page, "guards").locator("button[data-answer=pass]").click()
    assert row(page, "guards").locator("button[data-answer=pass]").get_attribute("aria-pressed") == "true"
    temp = row(page, "temp")
    temp.locator("input.cl-value").fill("9,5")    # a decimal comma is fine; 2–8 °C allowed
    # Out of limits before sending: said in words, not by colour alone.
    assert temp.get_attribute("data-state") == "fail"
    assert "Out of limits" in temp.locator(".cl-status").inner_text()
    assert temp.locator("input.cl-value").get_attribute("aria-invalid") == "true"
    assert "Limits 2 – 8 °C" in temp.inner_text()
    assert "Please add a note" in temp.locator(".cl-row-note label").inner_text()
    temp.locator("input.cl-note-input").fill("Cooling fan blocked")
    row(page, "tension").locator("input.cl-value").fill("abc")
    assert row(page, "tension").get_attribute("data-state") == "invalid"
    row(page, "tension").locator("input.cl-value").fill("50")
    assert "Within limits" in row(page, "tension").inner_text()
    assert submit.is_disabled()                     # one item still open
    assert "3 of 4 answered" in page.locator("#cl-progress").inner_text()
    row(page, "clean").locator("button[data-answer=pass]").click()
    assert submit.is_enabled()
    shot(page, "checklist-filled")
    submit.click()

    result = page.locator("#checklist-result[data-passed=false]")
    result.wait_for(timeout=30000)
    assert "1 of 4 items not OK" in result.inner_text()
    assert page.locator('#cl-failed li[data-key="temp"]').count() == 1
    assert "Blade temperature" in page.locator("#cl-failed").inner_text()
    shot(page, "checklist-result")

    done = completions(server, slicer, checklist_template)
    assert len(done) == 1, done
    c = done[0]
    assert c["passed"] is False and c["completedBy"] == "admin"
    by_key = {a["answer"]["key"]: a for a in c["answers"]}
    assert by_key["temp"]["passed"] is False and by_key["temp"]["answer"]["value"] == 9.5
    assert by_key["temp"]["answer"]["note"] == "Cooling fan blocked"
    assert all(by_key[k]["passed"] for k in ("guards", "tension", "clean"))
    assert by_key["guards"]["answer"]["passed"] is True and by_key["guards"]["answer"].get("note") is None

    # The list shows the last completion: failed, by whom.
    page.locator("#checklist-result a.btn").click()
    item = page.locator(f'#checklists li.cl-item[data-equipment-id="{slicer}"]')
    item.locator(".cl-result[data-passed=false]").wait_for()
    assert "by admin" in item.inner_text()
    assert "Not signed yet" in item.inner_text()

    # The author signs it: a wrong password signs nothing and says so; the right one signs.
    item.locator("button[data-action=sign]").click()
    assert page.locator("#sig-form button[data-meaning=authored]").get_attribute("aria-pressed") == "true"
    assert page.locator("#sig-form button[data-meaning=approved]").count() == 0   # nobody approves their own
    page.fill("#sig-password", "not the password")
    page.click("#sig-confirm")
    page.locator("#sig-error", has_text="nothing was signed").wait_for()
    assert server.get(f"/v1/checklist-completions/{c['id']}/signatures")["items"] == []
    page.fill("#sig-password", server.password)
    page.click("#sig-confirm")
    item.locator("li.sig[data-meaning=authored]").wait_for()
    assert "Author:" in item.inner_text()
    assert item.locator("button[data-action=sign]").count() == 0
    signed = server.get(f"/v1/checklist-completions/{c['id']}/signatures")["items"]
    assert [x["meaning"] for x in signed] == ["authored"] and signed[0]["username"] == "admin" and len(signed[0]["recordHash"]) == 64
    shot(page, "checklist-signed")
    # The demo's 404 for unset production settings is filtered; a refused signature (403) is the one expected console error.
    assert all("403" in e for e in errors), errors


def test_checklist_completed_offline_is_recorded_once(server, new_context, checklist_template):
    bagger = equipment_id(server, "BAG1")
    ctx = new_context()
    page = ctx.new_page()
    keys = []
    page.on("request", lambda r: keys.append(r.headers.get("idempotency-key")) if r.method == "POST" and r.url.endswith("/v1/checklist-completions") else None)
    sign_in(page, server)
    # Reachable from the line view's equipment card.
    page.goto(f"/#/line/{line_id(server)}")
    page.locator(f'#equipment-list li.eq-item[data-equipment-id="{bagger}"] a[data-action=checklists]').click()
    page.wait_for_selector(f'#checklists section[data-equipment-id="{bagger}"] li.cl-item')
    open_checklist(page, checklist_template, bagger)

    ctx.set_offline(True)
    page.wait_for_selector("#conn-status[data-state=offline]")
    row(page, "guards").locator("button[data-answer=pass]").click()
    row(page, "temp").locator("input.cl-value").fill("4")
    row(page, "tension").locator("input.cl-value").fill("45.5")
    row(page, "clean").locator("button[data-answer=pass]").click()
    page.click("#cl-submit")
    result = page.locator("#checklist-result[data-state=waiting]")
    result.wait_for()
    assert "Saved on this tablet" in result.inner_text()
    wait_until(lambda: outbox_counts(page)[0] == 1, message="a waiting checklist")
    shot(page, "checklist-offline")
    time.sleep(2)   # nothing may reach the server while offline
    assert completions(server, bagger, checklist_template) == []

    ctx.set_offline(False)
    page.locator("#checklist-result[data-passed=true]").wait_for(timeout=60000)
    assert "All 4 items OK" in page.locator("#checklist-result").inner_text()
    wait_until(lambda: outbox_counts(page) == (0, 0), message="the outbox to drain")
    done = completions(server, bagger, checklist_template)
    assert len(done) == 1 and done[0]["passed"] is True, done
    assert {a["answer"]["key"]: a["answer"].get("value") for a in done[0]["answers"]}["tension"] == 45.5
    # Sent with one Idempotency-Key (retries reuse it); replaying it changes nothing.
    assert keys and all(keys) and len(set(keys)) == 1, keys
    status, _ = server.request("POST", "/v1/checklist-completions", {
        "templateId": checklist_template["id"], "equipmentId": bagger,
        "answers": [{"key": "guards", "passed": True}, {"key": "temp", "value": 4}, {"key": "tension", "value": 45.5}, {"key": "clean", "passed": True}],
    }, headers={"Idempotency-Key": keys[0]})
    assert status in (200, 201, 409, 422), status
    assert len(completions(server, bagger, checklist_template)) == 1
