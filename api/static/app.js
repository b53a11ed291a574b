/* xborder web page: plain JavaScript over the JSON API (no build step, no outside requests). */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var catalog = JSON.parse($("catalog").textContent);
  var form = $("ask"), loc = $("location"), list = $("location-list");
  var orgSel = $("org"), svcSel = $("service"), atIn = $("at");
  var picked = null, items = [], active = -1, timer = null, asked = 0;
  var LEG = {"user-to-controller": "User → controller", "controller-to-recipient": "Controller → recipient"};

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.append(c); }
    });
    return node;
  }
  function link(url, text) {
    return /^https?:\/\//.test(url || "") ? el("a", {href: url, rel: "noopener", text: text}) : text;
  }
  function today() {
    var d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  /* ---- organisations and services ---- */
  function currentOrg() {
    var id = orgSel.value;
    return catalog.organisations.filter(function (o) { return o.id === id; })[0];
  }
  function fillServices(selected) {
    var org = currentOrg();
    svcSel.replaceChildren(el("option", {value: "", text: "Any service (the policy's default rule)"}));
    (org ? org.services : []).forEach(function (s) {
      svcSel.append(el("option", {value: s.id, text: s.name}));
    });
    svcSel.value = selected || "";
  }
  catalog.organisations.forEach(function (o) { orgSel.append(el("option", {value: o.id, text: o.name})); });
  $("org-field").hidden = catalog.organisations.length < 2;
  orgSel.addEventListener("change", function () { fillServices(""); });
  fillServices("");

  /* ---- location combobox (WAI-ARIA 1.2 pattern) ---- */
  function closeList() {
    list.hidden = true; items = []; active = -1;
    loc.setAttribute("aria-expanded", "false"); loc.removeAttribute("aria-activedescendant");
  }
  function setActive(i) {
    var opts = list.querySelectorAll("[role=option]");
    opts.forEach(function (o, j) { o.setAttribute("aria-selected", j === i ? "true" : "false"); });
    active = i;
    if (i >= 0 && opts[i]) {
      loc.setAttribute("aria-activedescendant", opts[i].id);
      opts[i].scrollIntoView({block: "nearest"});
    } else { loc.removeAttribute("aria-activedescendant"); }
  }
  function openList(found) {
    items = found;
    list.replaceChildren.apply(list, found.map(function (s, i) {
      return el("li", {id: "location-opt-" + i, role: "option", "aria-selected": "false", "data-index": String(i)},
        [el("span", {text: s.name}), el("span", {"class": "code", text: s.code})]);
    }));
    list.hidden = found.length === 0;
    loc.setAttribute("aria-expanded", found.length ? "true" : "false");
    active = -1;
  }
  function choose(i) {
    if (!items[i]) { return; }
    picked = items[i]; loc.value = picked.name; closeList();
  }
  function suggest() {
    var q = loc.value.trim();
    if (!q) { closeList(); return; }
    fetch("/v1/suggest?limit=8&q=" + encodeURIComponent(q))
      .then(function (r) { return r.ok ? r.json() : {suggestions: []}; })
      .then(function (body) { if (loc.value.trim() === q) { openList(body.suggestions); } })
      .catch(function () { closeList(); });
  }
  loc.addEventListener("input", function () { picked = null; clearTimeout(timer); timer = setTimeout(suggest, 120); });
  loc.addEventListener("keydown", function (e) {
    var open = !list.hidden && items.length > 0;
    if (e.key === "ArrowDown") { e.preventDefault(); if (open) { setActive(Math.min(active + 1, items.length - 1)); } else { suggest(); } }
    else if (e.key === "ArrowUp" && open) { e.preventDefault(); setActive(Math.max(active - 1, 0)); }
    else if (e.key === "Enter" && open && active >= 0) { e.preventDefault(); choose(active); }
    else if (e.key === "Escape" && open) { e.preventDefault(); closeList(); }
  });
  loc.addEventListener("blur", function () { setTimeout(closeList, 150); });
  list.addEventListener("mousedown", function (e) {
    var li = e.target.closest("[role=option]");
    if (li) { e.preventDefault(); choose(Number(li.getAttribute("data-index"))); }
  });

  /* ---- asking ---- */
  function params() {
    var text = loc.value.trim();
    var p = new URLSearchParams();
    p.set("location", picked && picked.name === loc.value ? picked.code : text);
    if (svcSel.value) { p.set("service", svcSel.value); }
    if (orgSel.value) { p.set("org", orgSel.value); }
    if (atIn.value) { p.set("at", atIn.value); }
    return p;
  }
  function ask(push) {
    closeList();
    $("problem").hidden = true;
    if (!loc.value.trim()) { showProblem({title: "Location needed", detail: "Type the user's location."}); loc.focus(); return; }
    var p = params(), mine = ++asked;
    if (push) { history.pushState(null, "", "?" + p.toString()); }
    $("status").textContent = "Looking up " + p.get("location") + "…";
    fetch("/v1/resolve?" + p.toString(), {headers: {Accept: "application/json"}})
      .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
      .then(function (res) {
        if (mine !== asked) { return; }
        if (res.ok) { render(res.body, p); } else { $("results").hidden = true; showProblem(res.body); }
      })
      .catch(function () { showProblem({title: "No answer", detail: "The server could not be reached."}); });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); ask(true); });

  function showProblem(p) {
    var box = $("problem");
    $("status").textContent = "";
    box.replaceChildren(el("strong", {text: (p.title || "Problem") + ": "}), el("span", {text: p.detail || ""}));
    var cands = p.candidates || [];
    if (cands.length) {
      var row = el("p", {}, [el("span", {text: "Did you mean: "})]);
      cands.forEach(function (c) {
        var b = el("button", {type: "button", text: (c.name || c.id) + (c.code ? " (" + c.code + ")" : "")});
        b.addEventListener("click", function () {
          if (c.code) { picked = {code: c.code, name: c.name || c.code}; loc.value = picked.name; }
          else if (c.id && [].some.call(svcSel.options, function (o) { return o.value === c.id; })) { svcSel.value = c.id; }
          ask(true);
        });
        row.append(b);
      });
      box.append(row);
    }
    box.hidden = false;
  }

  function render(d, p) {
    $("controller").textContent = d.controller.name;
    $("controller-country").textContent = "(" + d.controller.country + (d.controller.country_name ? " — " + d.controller.country_name : "") + ")";
    $("context").textContent = "Data controller for " + (d.service ? d.service.name : "any service of " + d.organisation.name) +
      ", for a user in " + d.location.name + " (" + d.location.code + "), on " + d.at + ".";
    $("explanation").textContent = d.explanation;
    $("caveats").replaceChildren.apply($("caveats"), (d.caveats || []).map(function (c) {
      return el("p", {"class": "caveat"}, [el("strong", {text: "Caveat: "}), c]);
    }));
    $("chain").replaceChildren.apply($("chain"), (d.location.chain || []).map(function (s) {
      return el("li", {}, [s.step, s.source ? " — " : null, s.source ? link(s.source, "source") : null]);
    }).concat([el("li", {}, ["Rule " + d.rule.id + " (policy section " + d.rule.section + ") → " + d.controller.name])]));
    $("sources").replaceChildren.apply($("sources"), (d.sources || []).map(function (s) {
      return el("li", {}, [
        s.quote ? el("blockquote", {text: "“" + s.quote + "”"}) : null,
        el("div", {"class": "cite"}, [link(s.url, s.document || s.url), s.section ? ", section " + s.section : ""])]);
    }));
    $("alternatives-box").hidden = !(d.alternatives || []).length;
    $("alternatives").replaceChildren.apply($("alternatives"), (d.alternatives || []).map(function (a) {
      return el("li", {}, [el("strong", {text: a.controller.name}), " (rule " + a.rule + "): " + a.reason]);
    }));
    var body = $("legs").tBodies[0], gaps = [];
    body.replaceChildren.apply(body, (d.transfers || []).map(function (t) {
      var n = t.gap ? gaps.indexOf(t.gap) + 1 || gaps.push(t.gap) : 0;
      var mech = (t.mechanisms || []).map(function (m) {
        return el("li", {text: (m.instrument || m.kind) + (m.scope ? " — " + m.scope : "") +
          " (" + (m.valid_from || "…") + " → " + (m.valid_to || "…") + ")"});
      });
      return el("tr", {}, [
        el("td", {text: LEG[t.leg] || t.leg}),
        el("td", {text: t.from + " → " + (t.to || "(not named)")}),
        el("td", {text: t.recipient ? t.recipient.name : "—"}),
        el("td", {}, [el("span", {"class": "badge " + t.status, text: t.status})]),
        el("td", {}, [mech.length ? el("ul", {}, mech) : "—"]),
        el("td", {}, [t.explanation || "", n ? el("div", {"class": "gap"}, [
          el("a", {href: "#gap-" + n, text: "Gap: see note " + n})]) : null])]);
    }));
    $("gaps").replaceChildren.apply($("gaps"), gaps.map(function (g, i) {
      return el("li", {id: "gap-" + (i + 1), text: g});
    }));
    var q = new URLSearchParams({location: d.location.code, at: d.at});
    if (d.service) { q.set("service", d.service.id); }
    var org = encodeURIComponent(d.organisation.id);
    $("map").src = "/v1/maps/" + org + ".html?embed=true&" + q.toString();
    $("map-link").href = "/v1/maps/" + org + ".html?" + q.toString();
    $("register-link").href = "/v1/register/" + org + ".csv?" + q.toString();
    $("graphml-link").href = "/v1/maps/" + org + ".graphml?" + q.toString();
    $("status").textContent = "Answer for " + p.get("location") + " shown below.";
    $("results").hidden = false;
    $("results").focus();
  }

  /* ---- state from the address bar ---- */
  function fromUrl() {
    var p = new URLSearchParams(location.search);
    if (p.get("org")) { orgSel.value = p.get("org"); }
    fillServices(p.get("service") || "");
    atIn.value = p.get("at") || atIn.value || today();
    if (p.get("location")) { loc.value = p.get("location"); picked = null; ask(false); }
  }
  window.addEventListener("popstate", fromUrl);
  fromUrl();
}());
