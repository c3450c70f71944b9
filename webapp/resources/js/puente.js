/*
 * The portal's own few lines of script; every page works without them.
 * - A form marked data-once is sent once: a second click (or a double click) while it is on its way sends nothing.
 * - A text field with data-counter shows how many characters are left, in the page's words.
 * - An event's time (data-local-time, in the event's own zone data-zone) also says the reader's own time when
 *   the reader's clock is in another zone; the page itself always gives the event's time.
 */
(function () {
    "use strict";

    function sendOnce(form) {
        form.addEventListener("submit", function (event) {
            if (form.dataset.sending === "true") {
                event.preventDefault();
                return;
            }
            form.dataset.sending = "true";
            // After this event, so that the pressed button is still part of what the form sends.
            window.setTimeout(function () {
                form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
                    button.disabled = true;
                    button.setAttribute("aria-disabled", "true");
                });
            }, 0);
        });
    }

    function countCharacters(field) {
        var limit = parseInt(field.getAttribute("maxlength"), 10);
        var output = document.getElementById(field.dataset.counter);
        if (!limit || !output) {
            return;
        }
        var template = output.dataset.template;
        function update() {
            output.textContent = template.replace(/\{0\}/, String(limit - field.value.length));
        }
        field.addEventListener("input", update);
        update();
    }

    function readersTime(time) {
        var hint = time.parentNode.querySelector(".local-time");
        if (!hint || !window.Intl) {
            return;
        }
        var at = new Date(time.dataset.localTime);
        var mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
        function shown(zone) {
            return new Intl.DateTimeFormat(document.documentElement.lang, {
                weekday: "short", hour: "numeric", minute: "2-digit", timeZone: zone, timeZoneName: "short"
            }).format(at);
        }
        if (!mine || isNaN(at.getTime()) || shown(mine) === shown(time.dataset.zone)) {
            return;
        }
        hint.textContent = hint.dataset.template.replace(/\{0\}/, shown(mine));
        hint.hidden = false;
    }

    document.querySelectorAll("form[data-once]").forEach(sendOnce);
    document.querySelectorAll("time[data-local-time]").forEach(readersTime);
    document.querySelectorAll("[data-counter]").forEach(countCharacters);
})();
