"""Swagger UI sign-in, in a real browser: open /docs, authorize with a partner's client
credentials through the OAuth 2.0 client-credentials flow the document declares, "Try it
out" on GET /v1/partners/me, and read its 200 answer in the page. Saves a screenshot.

Usage: swagger_signin.py BASE_URL CLIENT_ID CLIENT_SECRET PARTNER_NUMBER SCREENSHOT
Chromium and its driver are Debian's (/usr/bin); nothing is downloaded.
"""

import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import WebDriverWait

base, client_id, client_secret, partner_number, screenshot = sys.argv[1:6]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2200"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 30)


def css(selector, root=None):
    return wait.until(lambda _: (root or driver).find_element(By.CSS_SELECTOR, selector))


def click(element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


try:
    driver.get(f"{base}/docs/")
    click(wait.until(seen.element_to_be_clickable((By.CSS_SELECTOR, ".auth-wrapper .authorize"))))

    # The modal lists one form per scheme, each headed by the scheme's name.
    def client_credentials_form(_):
        for form in driver.find_elements(By.CSS_SELECTOR, ".modal-ux .auth-container"):
            if "clientCredentials (OAuth2, clientCredentials)" in form.text:
                return form
        return None

    form = wait.until(client_credentials_form)
    # The fields' ids carry the flow's name in recent Swagger UI versions.
    form.find_element(By.CSS_SELECTOR, "input[id^='client_id']").send_keys(client_id)
    form.find_element(By.CSS_SELECTOR, "input[id^='client_secret']").send_keys(client_secret)
    click(form.find_element(By.CSS_SELECTOR, "button.authorize"))
    # Swagger UI shows "Logout" once the token endpoint answered 200, an error otherwise.
    wait.until(lambda _: "Logout" in client_credentials_form(_).text or "Error" in client_credentials_form(_).text)
    signed_in = client_credentials_form(None).text
    assert "Logout" in signed_in and "Error" not in signed_in, signed_in
    click(css(".modal-ux button.btn-done"))

    operation = css("#operations-partners-me, [id^='operations-partners-'][id$='me']")
    click(css(".opblock-summary-control", operation))
    click(css("button.try-out__btn", operation))
    click(css("button.execute", operation))
    # The live answer's status cell, not the documented responses' table.
    status = wait.until(
        lambda _: operation.find_element(By.CSS_SELECTOR, ".live-responses-table .response .response-col_status")
    )
    body = css(".live-responses-table .response-col_description .microlight", operation)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", status)
    driver.save_screenshot(screenshot)
    assert status.text.strip() == "200", f"GET /v1/partners/me answered {status.text!r}: {body.text}"
    assert partner_number in body.text, f"the answer does not name partner {partner_number}: {body.text}"
    # The request Swagger UI sent carried the token it obtained itself.
    curl = css(".curl-command", operation).text
    assert "Authorization: Bearer ey" in curl, curl
    print(f"Swagger UI signed in and read GET /v1/partners/me: 200, partner {partner_number}; screenshot {screenshot}")
except Exception:
    driver.save_screenshot(screenshot)
    with open(screenshot + ".html", "w") as page:
        page.write(driver.page_source)
    print(f"failed; the page as it was: {screenshot}", file=sys.stderr)
    raise
finally:
    driver.quit()
