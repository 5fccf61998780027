"use strict";
// warmreach's report page: pan and zoom the network view, show a person's details on
// hover or focus, highlight a target's routes, find a person by name. Every text from
// the data is set as text (textContent), never parsed as HTML; nothing is fetched.
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const svg = document.getElementById("view");
  const details = document.getElementById("details");
  const found = document.getElementById("found");
  const find = document.getElementById("find");
  const people = Array.from(svg.querySelectorAll(".person"));
  const routes = Array.from(svg.querySelectorAll(".route"));
  const faint = Array.from(svg.querySelectorAll(".tie, .leader, .sector, .team, .company, .team-name"));
  const choices = Array.from(document.querySelectorAll("[data-target]"));
  const box = svg.viewBox.baseVal;
  const home = { x: box.x, y: box.y, w: box.width, h: box.height };
  let view = Object.assign({}, home);
  let chosen = null; // the target chosen, or null for all
  let pinned = null; // the person clicked, whose details stay

  document.getElementById("controls").hidden = false;

  // ---- pan and zoom, by changing the viewBox
  function show(next) {
    const w = Math.min(home.w * 2, Math.max(home.w / 25, next.w));
    const h = w * (home.h / home.w);
    view = { x: next.x + (next.w - w) / 2, y: next.y + (next.h - h) / 2, w: w, h: h };
    svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
  }
  function zoom(factor, cx, cy) {
    const x = cx === undefined ? view.x + view.w / 2 : cx;
    const y = cy === undefined ? view.y + view.h / 2 : cy;
    const w = view.w / factor;
    const h = view.h / factor;
    show({ x: x - (x - view.x) / factor, y: y - (y - view.y) / factor, w: w, h: h });
  }
  function pan(dx, dy) {
    show({ x: view.x + dx, y: view.y + dy, w: view.w, h: view.h });
  }
  function pointOf(event) {
    const point = new DOMPoint(event.clientX, event.clientY);
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    const at = pointOf(event);
    zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, at.x, at.y);
  }, { passive: false });
  // one pointer drags the view; two (fingers) pinch to zoom around their midpoint
  let drag = null;
  let pinch = null;
  const pointers = new Map();
  function spread() {
    const [a, b] = Array.from(pointers.values());
    return { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }
  svg.addEventListener("pointerdown", function (event) {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      pinch = spread();
      drag = null;
    } else if (pointers.size === 1 && event.button === 0) {
      drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
    }
  });
  svg.addEventListener("pointermove", function (event) {
    if (pointers.has(event.pointerId)) pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch && pointers.size === 2) {
      const now = spread();
      const at = pointOf({ clientX: now.x, clientY: now.y });
      zoom(now.d / pinch.d, at.x, at.y);
      pinch = now;
      return;
    }
    if (!drag || drag.id !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    }
    const scale = 1 / svg.getScreenCTM().a;
    pan(-dx * scale, -dy * scale);
    drag.x = event.clientX;
    drag.y = event.clientY;
  });
  function endDrag(event) {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (drag && drag.moved && drag.id === event.pointerId) {
      svg.releasePointerCapture(event.pointerId);
      svg.classList.remove("dragging");
      // a drag is not a click on the person it ended on
      svg.addEventListener("click", function (click) { click.stopPropagation(); }, { capture: true, once: true });
    }
    if (drag && drag.id === event.pointerId) drag = null;
  }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.4); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
  document.getElementById("zoom-reset").addEventListener("click", function () { show(home); });
  svg.addEventListener("keydown", function (event) {
    const step = view.w / 10;
    const keys = {
      "+": function () { zoom(1.4); }, "=": function () { zoom(1.4); },
      "-": function () { zoom(1 / 1.4); }, "0": function () { show(home); },
      ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); },
      ArrowUp: function () { pan(0, -step); }, ArrowDown: function () { pan(0, step); },
    };
    if (event.altKey || event.ctrlKey || event.metaKey || !keys[event.key]) return;
    event.preventDefault();
    keys[event.key]();
  });
  function centre(person) {
    const mark = person.querySelector("circle, polygon").getBBox();
    show({ x: mark.x + mark.width / 2 - view.w / 2, y: mark.y + mark.height / 2 - view.h / 2, w: view.w, h: view.h });
  }

  // ---- the details panel
  function add(parent, tag, text, className) {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    parent.appendChild(node);
    return node;
  }
  function describe(person) {
    const about = data.people[Number(person.id.slice(1)) - 1];
    details.replaceChildren();
    add(details, "h3", about.name);
    if (about.where) add(details, "p", about.where);
    add(details, "p", about.tie);
    about.routes.forEach(function (route) {
      const block = add(details, "div", "", "route");
      add(block, "strong", route.title);
      add(block, "p", route.action + " · " + route.score + " · " + route.path);
      add(block, "p", route.reasons);
    });
    if (!about.routes.length) add(details, "p", "Not among the best routes to your targets.");
    about.week.forEach(function (line) { add(details, "p", line); });
  }
  function summary() {
    details.replaceChildren();
    if (chosen === null) {
      add(details, "h3", "Your network");
      add(details, "p", "Hover over a person, or move to one with Tab, to see your tie, their action and the reasons. Choose a target to see only its routes. Drag to move the view; zoom with the wheel, the buttons or + and −.");
      return;
    }
    const target = data.targets[chosen];
    add(details, "h3", target.title);
    if (!target.best.length) add(details, "p", "Nobody in your network is a route there yet.");
    const list = add(details, "ol", "");
    target.best.forEach(function (line) { add(list, "li", line); });
  }
  function rest() {
    if (pinned) describe(pinned); else summary();
  }
  people.forEach(function (person) {
    person.addEventListener("mouseenter", function () { describe(person); });
    person.addEventListener("mouseleave", rest);
    person.addEventListener("focus", function () { describe(person); });
    person.addEventListener("blur", rest);
    person.addEventListener("click", function () { pin(person); });
    person.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        pin(person);
      }
    });
  });
  function pin(person) {
    if (pinned) pinned.classList.remove("active");
    pinned = pinned === person ? null : person;
    if (pinned) pinned.classList.add("active");
    rest();
  }

  // ---- highlighting: a target's routes, or the people found
  function highlight() {
    const query = fold(find.value.trim());
    const matches = query ? people.filter(function (person) {
      return fold(data.people[Number(person.id.slice(1)) - 1].name).includes(query);
    }) : [];
    const mark = chosen === null ? null : "t" + chosen;
    people.forEach(function (person) {
      const hit = matches.indexOf(person) >= 0;
      person.classList.toggle("match", hit);
      const off = query ? !hit : mark !== null && !person.classList.contains(mark);
      person.classList.toggle("dim", off);
    });
    routes.forEach(function (route) {
      route.classList.toggle("dim", Boolean(query) || (mark !== null && !route.classList.contains(mark)));
    });
    faint.forEach(function (line) { line.classList.toggle("dim", Boolean(query) || mark !== null); });
    if (!query) found.textContent = "";
    else if (!matches.length) found.textContent = "Nobody drawn is called that; the tables below rank everyone who matters.";
    else found.textContent = matches.length + (matches.length === 1 ? " person" : " people") + " found; Enter goes to the first.";
    return matches;
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  choices.forEach(function (button) {
    button.addEventListener("click", function () {
      const value = button.getAttribute("data-target");
      chosen = value === "" ? null : Number(value);
      choices.forEach(function (other) { other.setAttribute("aria-pressed", String(other === button)); });
      find.value = ""; // a target chosen ends a search
      highlight();
      if (!pinned) summary();
    });
  });
  find.addEventListener("input", highlight);
  find.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const matches = highlight();
    if (matches.length) {
      centre(matches[0]);
      matches[0].focus();
    }
  });

  // ---- printing: the whole picture, nothing dimmed
  window.addEventListener("beforeprint", function () { show(home); });
  summary();
})();
