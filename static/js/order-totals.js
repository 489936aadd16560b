/* The order form's price table (templates/service_requests/forms/form_order.html): while the
   applicant types, each line's amount and the total, shipping and grand total follow. Money is
   counted in whole satang (integers), never in floating-point baht, and shipping is rounded half
   up to the satang, as the server does (to_baht). The server prices the order again when it is
   sent; these figures only spare the applicant the sums. Loaded with "defer"; no libraries. */
(function () {
  "use strict";

  var MAX_QUANTITY = 10000;

  // "160.00" -> 16000: a decimal string as an integer count of hundredths (satang, or basis
  // points of a percentage), without going through floating point.
  function hundredths(text) {
    var match = /^\s*(\d+)(?:\.(\d{0,2})\d*)?\s*$/.exec(text || "");
    if (!match) {
      return 0;
    }
    var fraction = ((match[2] || "") + "00").slice(0, 2);
    return parseInt(match[1], 10) * 100 + parseInt(fraction, 10);
  }

  // A whole quantity from 0 to 10,000 (empty counts as 0), or null for anything else.
  function quantityOf(input) {
    var text = input.value.trim();
    if (text === "") {
      return 0;
    }
    if (!/^\d+$/.test(text)) {
      return null;
    }
    var quantity = parseInt(text, 10);
    return quantity <= MAX_QUANTITY ? quantity : null;
  }

  // 320000 -> "3,200.00"
  function formatSatang(satang) {
    var baht = Math.floor(satang / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var rest = satang % 100;
    return baht + "." + (rest < 10 ? "0" : "") + rest;
  }

  // Shipping: rate (in hundredths of a per cent) of the total, half up to the satang, at least
  // the minimum; nothing when nothing is ordered.
  function shippingFor(totalSatang, rateHundredths, minimumSatang) {
    if (totalSatang <= 0) {
      return 0;
    }
    var share = Math.floor((totalSatang * rateHundredths + 5000) / 10000);
    return Math.max(share, minimumSatang);
  }

  function setText(container, selector, text) {
    var element = container.querySelector(selector);
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function update(table) {
    var rate = hundredths(table.dataset.shippingRate);
    var minimum = hundredths(table.dataset.shippingMinimum);
    var total = 0;
    table.querySelectorAll("[data-price-row]").forEach(function (row) {
      var input = row.querySelector("input[data-price]");
      if (!input) {
        return;
      }
      var quantity = quantityOf(input);
      if (quantity === null) {
        setText(row, "[data-line-amount]", "–");
        return;
      }
      var amount = hundredths(input.dataset.price) * quantity;
      total += amount;
      setText(row, "[data-line-amount]", formatSatang(amount));
    });
    var shipping = shippingFor(total, rate, minimum);
    setText(table, "[data-order-total]", formatSatang(total));
    setText(table, "[data-order-shipping]", formatSatang(shipping));
    setText(table, "[data-order-grand-total]", formatSatang(total + shipping));
  }

  document.querySelectorAll("[data-order-table]").forEach(function (table) {
    table.addEventListener("input", function () {
      update(table);
    });
    update(table);
  });
})();
