"""The floor app on a shared tablet: registering it with a device token, then badge and PIN sign-in."""
from conftest import shot, watch_console

PIN = "2580"


def test_badge_sign_in_on_registered_tablet(server, new_context):
    token = server.post("/v1/devices", {"name": "Browser tablet"})["token"]
    admin = server.get("/v1/auth/me")["id"]
    status, body = server.request("PUT", f"/v1/users/{admin}/badge", {"badge": "B-BROWSER", "pin": PIN})
    assert status == 200, body

    page = new_context().new_page()
    errors = watch_console(page)
    page.goto("/#/login")
    page.wait_for_selector("#login-user")
    page.click(".tablet-registration summary")
    page.fill("#device-token", token)
    page.click(".tablet-registration .btn")
    page.wait_for_selector("#login-badge")
    for key in page.locator(".keypad-key").all():
        box = key.bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48, box
    shot(page, "login-badge")

    page.fill("#login-badge", "B-BROWSER")
    for digit in PIN:
        page.click(f".keypad-key[data-key='{digit}']")
    page.click(".badge-form button[type=submit]")
    page.wait_for_selector("#plant-tiles .tile")
    assert page.evaluate("localStorage.getItem('ms5.deviceToken')") == token
    assert not [e for e in errors if e.startswith("pageerror")], errors
