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
    svcSel.replaceChildren(el("option", {value: "", text: "All services (the controller per service)"}));
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
      return el("li", {}, [el("strong", {text: a.controller.name}), " (rule " + a.rule + "): " +
        String(a.reason).replace("name the service to get this answer", "pick the service above")]);
    }));
    var org = encodeURIComponent(d.organisation.id);
    var pol = d.policy;
    $("answer-head").textContent = d.organisation.name + (pol ? " · policy: " + (pol.title || pol.document) +
      " (" + (pol.version || "") + ", in force " + (pol.from || "…") + " to " + (pol.to || "now") + ")" : "");
    renderLegs(d, null);
    $("per-service").hidden = true;
    var bq = new URLSearchParams({location: d.location.code, at: d.at, org: d.organisation.id});
    if (d.service) { bq.set("service", d.service.id); }
    fetch("/v1/basis?" + bq.toString()).then(function (r) { return r.ok ? r.json() : null; }).then(function (b) {
      if (!b) { return; }
      renderLegs(d, b.legs);
      var ids = {};
      (b.services || []).forEach(function (s) { if (s.controller) { ids[s.controller.id] = 1; } });
      if (!d.service && Object.keys(ids).length > 1) {
        $("per-service-list").replaceChildren.apply($("per-service-list"), b.services.map(function (s) {
          var btn = el("button", {type: "button", "class": "link-button", text: s.service.name});
          btn.addEventListener("click", function () { svcSel.value = s.service.id; ask(true); });
          return el("li", {}, [btn, ": ", el("strong", {text: s.controller ? s.controller.name + " (" + s.controller.country + ")" : (s.problem || "?")})]);
        }));
        $("per-service").hidden = false;
        $("controller-heading").textContent = "Data controller under the policy's default rule";
      } else { $("controller-heading").textContent = "Data controller"; }
    });
    var pairs = {};
    (d.transfers || []).forEach(function (t) { if (t.to && t.from !== t.to) { pairs[t.from + "|" + t.to] = 1; } });
    $("timelines").replaceChildren();
    Object.keys(pairs).slice(0, 4).forEach(function (k) {
      var ab = k.split("|");
      fetch("/v1/timeline?from=" + ab[0] + "&to=" + ab[1] + "&start=1998-10-25").then(function (r) { return r.ok ? r.json() : null; }).then(function (tl) {
        if (!tl) { return; }
        $("timelines").append(el("div", {"class": "timeline"}, [el("h4", {text: tl.from + " → " + tl.to}),
          el("ol", {}, tl.steps.map(function (st) {
            return el("li", {}, [el("span", {"class": "badge " + st.status, text: st.status}), " " + st.from + " → " + (st.to || "now") + ": " + st.basis,
              st.ended_by ? el("span", {"class": "gap"}, [" — ended by ", link(st.ended_by.url, st.ended_by.name + " (" + st.ended_by.date + ")")]) : null,
              st.sources.length ? el("span", {"class": "cite"}, [" ", link(st.sources[0].url, "source")]) : null]);
          }))]));
      });
    });
    world = {org: org, at: d.at, service: d.service ? d.service.id : null, location: d.location.code};
    drawWorld();
    var q = new URLSearchParams({location: d.location.code, at: d.at});
    var orgEntry = currentOrg() || {services: []};
    var mapService = d.service ? d.service.id : (orgEntry.services[0] || {}).id;
    if (mapService) { q.set("service", mapService); }  /* one service's map by default */
    $("json-link").href = "/v1/resolve?" + p.toString();
    $("map").src = "/v1/maps/" + org + ".html?embed=true&" + q.toString();
    $("map-link").href = "/v1/maps/" + org + ".html?" + q.toString();
    $("register-link").href = "/v1/register/" + org + ".csv?" + q.toString();
    $("graphml-link").href = "/v1/maps/" + org + ".graphml?" + q.toString();
    $("status").textContent = "Answer for " + p.get("location") + " shown below.";
    $("results").hidden = false;
    $("results").focus();
  }

  var world = null;
  function drawWorld() {
    if (!world) { return; }
    var wq = new URLSearchParams({at: world.at});
    if (world.service) { wq.set("service", world.service); }
    if ($("world-by").value === "user") { wq.set("location", world.location); }
    fetch("/v1/maps/" + world.org + "/world.svg?" + wq.toString()).then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (svg) { $("world").innerHTML = svg; });
  }
  $("world-by").addEventListener("change", drawWorld);

  function renderLegs(d, bases) {
    var body = $("legs").tBodies[0], notes = [];
    function note(text) { var n = notes.indexOf(text); if (n < 0) { notes.push(text); n = notes.length - 1; } return el("a", {href: "#gap-" + (n + 1), text: "note " + (n + 1)}); }
    var legs = [], unplaced = [];
    (d.transfers || []).forEach(function (t, i) {
      if (t.to) { legs.push([t, bases ? bases[i] : null]); } else { unplaced.push(t); }
    });
    if (unplaced.length) {  /* said once: the recipients the policy does not place */
      var u = Object.assign({}, unplaced[0], {recipient: {name: unplaced.map(function (t) { return t.recipient ? t.recipient.name : "?"; }).join("; ")}});
      legs.push([u, bases ? bases[(d.transfers || []).indexOf(unplaced[0])] : null]);
    }
    body.replaceChildren.apply(body, legs.map(function (pair) {
      var t = pair[0], b = pair[1], rests = [];
      if (b) {
        b.adequacy.forEach(function (m) {
          rests.push(el("li", {}, [link(m.url, m.name), " (" + m.kind + "; " + m.window + "; " + m.confidence + ")",
            m.celex ? " CELEX " + m.celex : "", m.scope ? el("div", {"class": "scope", text: "Scope: " + m.scope}) : null]));
        });
        b.safeguards.forEach(function (g) {
          rests.push(el("li", {}, [g.label + " (" + g.instruments.length + "): ", link(g.instruments[0].url, g.instruments[0].name),
            g.instruments.length > 1 ? " …" : ""]));
        });
        b.duties.forEach(function (du) { rests.push(el("li", {"class": "duty"}, ["Duty: ", link(du.source.url, du.text)])); });
        if (b.ended) { rests.push(el("li", {"class": "gap"}, ["Ended: " + b.ended.text + " ", link(b.ended.ended_by.url, "judgment")])); }
      } else {
        (t.mechanisms || []).forEach(function (m) { rests.push(el("li", {text: (m.instrument || m.kind) + (m.scope ? " — " + m.scope : "")})); });
      }
      var why = [b ? el("strong", {"class": "plain", text: b.plain}) : null, el("div", {text: t.explanation || ""})];
      (t.caveats || []).forEach(function (c) { why.push(el("div", {"class": "caveat-line"}, ["Caveat: ", note(c)])); });
      if (t.gap) { why.push(el("div", {"class": "gap"}, ["Gap: ", note(t.gap)])); }
      return el("tr", {}, [
        el("td", {"data-label": "Status"}, [el("span", {"class": "badge " + t.status, text: t.status}), el("div", {"class": "leg-kind", text: LEG[t.leg] || t.leg})]),
        el("td", {"data-label": "From → to", text: t.from + " → " + (t.to || "(not named)")}),
        el("td", {"data-label": "Recipient", text: t.recipient ? t.recipient.name : "—"}),
        el("td", {"data-label": "Rests on"}, [rests.length ? el("ul", {"class": "rests"}, rests) : "—"]),
        el("td", {"data-label": "Why"}, why)]);
    }));
    $("gaps").replaceChildren.apply($("gaps"), notes.map(function (g, i) { return el("li", {id: "gap-" + (i + 1), text: g}); }));
  }

  /* ---- comparing two dates ---- */
  $("compare-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var q = new URLSearchParams({before: $("before").value, after: $("after").value, org: orgSel.value || (catalog.organisations[0] || {}).id || ""});
    if (svcSel.value) { q.set("service", svcSel.value); }
    $("changes").textContent = "Comparing…";
    $("changes-csv").href = "/v1/changes?format=csv&" + q.toString();
    $("changes-json").href = "/v1/changes?" + q.toString();
    fetch("/v1/changes?" + q.toString()).then(function (r) { return r.json(); }).then(function (rep) {
      $("compare-links").hidden = false;
      if (!rep.groups) { $("changes").textContent = rep.detail || "No report."; return; }
      function nm(v) { return v && typeof v === "object" ? v.name : (v || "nothing"); }
      $("changes").replaceChildren(el("p", {text: rep.groups.length + " change(s) between " + rep.before + " and " + rep.after + " (" + rep.rows + " rows)"}),
        el("ul", {"class": "change-list"}, rep.groups.map(function (g) {
          var head = g.flow ? g.flow.from.name + " → " + (g.flow.to ? g.flow.to.name : "?") + ": " : "Controller: ";
          return el("li", {}, [el("strong", {text: head + nm(g.before) + " → " + nm(g.after)}),
            el("div", {}, ["Cause: ", g.cause.url ? link(g.cause.url, g.cause.text) : g.cause.text]),
            el("div", {"class": "cite", text: "Users in " + g.count + " place(s): " + g.locations.slice(0, 20).join(", ") + (g.count > 20 ? " …" : "")})]);
        })));
    }).catch(function () { $("changes").textContent = "The server could not be reached."; });
  });
  $("print").addEventListener("click", function () { window.print(); });

  /* ---- state from the address bar ---- */
  function fromUrl() {
    var p = new URLSearchParams(location.search);
    var svc = p.get("service");
    if (p.get("org")) { orgSel.value = p.get("org"); }
    else if (svc) {  /* a service that belongs to exactly one organisation names it */
      var owners = catalog.organisations.filter(function (o) {
        return o.services.some(function (s) { return s.id === svc; });
      });
      if (owners.length === 1) { orgSel.value = owners[0].id; }
    }
    fillServices(svc || "");
    atIn.value = p.get("at") || atIn.value || today();
    if (p.get("location")) { loc.value = p.get("location"); picked = null; ask(false); }
  }
  window.addEventListener("popstate", fromUrl);
  fromUrl();
}());
