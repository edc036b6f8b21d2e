// Code that runs inside the measured pages. Kept as plain JavaScript strings: functions
// compiled by tsx can carry helper calls (esbuild's __name) that do not exist in a page.
// Times are performance.now(), whose origin is the navigation start.

// Framewise's highlights as [id, start16, end16]; empty for the article without them.
export type ProbeHighlight = [string, number, number];

export type LoadProbeConfig =
  | { kind: "framewise"; highlights: ProbeHighlight[]; textLength: number }
  | { kind: "plain"; textLength: number }
  | { kind: "recogito"; renderer: "SPANS" | "CSS_HIGHLIGHTS" };

export type LoadProbeResult = {
  paintedAt: number | null;
  hydratedAt: number | null;
  // Framewise: highlights in the viewport, painted as marks, at the painted frame. Recogito:
  // span elements or CSS highlights.
  paintedCount: number;
  longTaskMs: number;
  navigation: { responseStart: number; responseEnd: number; domContentLoaded: number };
  htmlBytes: number;
  error: string | null;
};

// Installed before any page script (addInitScript). Each animation frame checks whether
// the content is complete and visible; the frame that first shows it is "painted", and the
// time is taken in a message posted from that frame's rAF callback, which runs once the
// frame's rendering work is done. Hydration is seen through the React DevTools hook: React
// calls onCommitFiberRoot on every commit (production builds too); the first commit after
// which the reader carries React's props is the end of hydration.
const loadProbeSource = String.raw`
(function (config) {
  var state = {
    paintedAt: null,
    hydratedAt: null,
    paintedCount: 0,
    longTaskMs: 0,
    error: null
  };
  Object.defineProperty(window, "__fwBench", { value: state });

  function afterFrame(callback) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { callback(performance.now()); };
    channel.port2.postMessage(null);
  }

  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (state.paintedAt === null || (config.kind === "framewise" && state.hydratedAt === null)) {
          state.longTaskMs += entry.duration;
        }
      });
    }).observe({ type: "longtask" });
  } catch (error) {
    state.error = "longtask observer: " + error;
  }

  function reader() {
    return config.kind === "framewise"
      ? document.querySelector('[data-testid="reader-text"]')
      : document.getElementById("content");
  }

  function isReactHydrated(element) {
    return Object.keys(element).some(function (key) { return key.indexOf("__reactProps$") === 0; });
  }

  if (config.kind === "framewise") {
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: function () { return 1; },
      checkDCE: function () {},
      onScheduleFiberRoot: function () {},
      onCommitFiberUnmount: function () {},
      onPostCommitFiberRoot: function () {},
      onCommitFiberRoot: function () {
        var element = reader();
        if (state.hydratedAt === null && element && isReactHydrated(element)) {
          state.hydratedAt = -1;
          requestAnimationFrame(function () {
            afterFrame(function (time) { state.hydratedAt = time; });
          });
        }
      }
    };
  }

__VIEWPORT_CHECK__

  function count(element) {
    if (config.kind === "framewise") {
      return config.highlights.length === 0 ? 0 : checkViewport(element, config.highlights, false).painted;
    }
    if (config.kind === "recogito") {
      return config.renderer === "SPANS"
        ? element.querySelectorAll(".r6o-annotation").length
        : (window.CSS && CSS.highlights ? CSS.highlights.size : 0);
    }
    return 0;
  }

  function isComplete() {
    var element = reader();
    if (!element) {
      return false;
    }
    if (config.kind === "framewise") {
      if (element.textContent.length !== config.textLength || !element.checkVisibility()) {
        return false;
      }
      if (config.highlights.length === 0) {
        return element.getElementsByTagName("mark").length === 0;
      }
      var check = checkViewport(element, config.highlights, false);
      return check.inViewport > 0 && check.missing === 0;
    } else if (config.kind === "plain") {
      if (element.textContent.length !== config.textLength) {
        return false;
      }
    } else if (count(element) === 0) {
      return false;
    }
    return element.checkVisibility();
  }

  function poll() {
    if (state.paintedAt !== null) {
      return;
    }
    if (isComplete()) {
      state.paintedCount = count(reader());
      state.paintedAt = -1;
      afterFrame(function (time) { state.paintedAt = time; });
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})(__CONFIG__);
`;

// Which of Framewise's highlights intersect the viewport, and whether each is painted: a
// <mark> carrying its id is on screen, and where the highlight lies in painted paragraphs,
// its marks together hold exactly its text. The viewport's text range comes from the caret
// positions at its top-left and bottom-right corners (text flows in order, so a highlight
// is on screen when its range meets that one).
const viewportCheckSource = String.raw`
  function textOffset(root, node, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function caretOffset(root, x, y) {
    var position = document.caretPositionFromPoint(x, y);
    if (!position || !root.contains(position.offsetNode)) {
      return null;
    }
    return textOffset(root, position.offsetNode, position.offset);
  }

  function checkViewport(root, highlights, verify) {
    var box = root.getBoundingClientRect();
    var top = Math.max(box.top, 0) + 1;
    var bottom = Math.min(box.bottom, window.innerHeight) - 1;
    var result = { inViewport: 0, painted: 0, missing: 0, misplaced: 0, marks: 0 };
    if (bottom <= top) {
      return result;
    }
    var first = caretOffset(root, box.left + 1, top);
    var last = caretOffset(root, box.right - 1, bottom);
    if (first === null || last === null) {
      result.missing = -1;
      return result;
    }
    var onScreen = new Map();
    var marks = root.getElementsByTagName("mark");
    result.marks = marks.length;
    for (var index = 0; index < marks.length; index += 1) {
      var rect = marks[index].getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > window.innerHeight) {
        continue;
      }
      (marks[index].getAttribute("data-ids") || "").split(" ").forEach(function (id) {
        if (id) {
          onScreen.set(id, true);
        }
      });
    }
    var text = verify ? root.textContent : "";
    highlights.forEach(function (highlight) {
      if (highlight[2] <= first || highlight[1] >= last + 1) {
        return;
      }
      result.inViewport += 1;
      if (!onScreen.has(highlight[0])) {
        result.missing += 1;
        return;
      }
      result.painted += 1;
      if (!verify) {
        return;
      }
      var own = root.querySelectorAll('mark[data-ids~="' + CSS.escape(highlight[0]) + '"]');
      var joined = Array.prototype.map.call(own, function (mark) { return mark.textContent; }).join("");
      if (own.length > 0 && textOffset(root, own[0], 0) === highlight[1] && joined === text.slice(highlight[1], highlight[2])) {
        return;
      }
      result.misplaced += 1;
    });
    return result;
  }
`;

export function loadProbe(config: LoadProbeConfig): string {
  return loadProbeSource
    .replace("__VIEWPORT_CHECK__", viewportCheckSource)
    .replace("__CONFIG__", JSON.stringify(config));
}

// Framewise check after a measured load (and after the chunks near the screen are painted):
// every highlight meeting the viewport is painted, and its marks (in order) start at its
// start and hold exactly its text.
export function checkFramewise(highlights: ProbeHighlight[]): string {
  return String.raw`
(function (highlights) {
  ${viewportCheckSource}
  var root = document.querySelector('[data-testid="reader-text"]');
  window.scrollTo(0, 0);
  return checkViewport(root, highlights, true);
})(${JSON.stringify(highlights)})
`;
}

// Evaluated after the probe reports: the probe's state plus navigation timing.
export const readLoadProbe = String.raw`
(function () {
  var state = window.__fwBench;
  var navigation = performance.getEntriesByType("navigation")[0];
  return {
    paintedAt: state.paintedAt,
    hydratedAt: state.hydratedAt,
    paintedCount: state.paintedCount,
    longTaskMs: state.longTaskMs,
    navigation: {
      responseStart: navigation ? navigation.responseStart : 0,
      responseEnd: navigation ? navigation.responseEnd : 0,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : 0
    },
    htmlBytes: navigation ? navigation.decodedBodySize : 0,
    error: state.error
  };
})()
`;

// Recogito check after a measured load: every annotation anchored to its quote, and the
// painted highlights are exactly those its index finds in the viewport (it paints only
// what is on screen).
export const checkRecogito = String.raw`
(function () {
  var annotator = window.__recogito;
  var container = document.getElementById("content");
  var all = annotator.state.store.all();
  var misplaced = all.filter(function (annotation) {
    var selector = annotation.target.selector[0];
    return !selector.range || selector.range.toString() !== selector.quote;
  }).length;
  var bounds = RecogitoJS.getViewportBounds(container);
  var visible = annotator.state.store.getIntersecting(bounds.minX, bounds.minY, bounds.maxX, bounds.maxY);
  var painted = new Set();
  container.querySelectorAll(".r6o-annotation").forEach(function (span) {
    painted.add(span.dataset.annotation);
  });
  if (painted.size === 0 && window.CSS && CSS.highlights) {
    CSS.highlights.forEach(function (value, key) { painted.add(key.slice(1)); });
  }
  return { loaded: all.length, misplaced: misplaced, inViewport: visible.length, painted: painted.size };
})()
`;

// Puts a collapsed-free DOM selection over text offsets [start16, end16) of the reader,
// scrolled to the middle of the window, and returns the first and last line boxes.
export function selectPassage(start16: number, end16: number, focus: boolean): string {
  return String.raw`
(function (start, end, focus) {
  var root = document.querySelector('[data-testid="reader-text"]');
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  var range = document.createRange();
  var seen = 0;
  var startSet = false;
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var length = node.textContent.length;
    if (!startSet && start < seen + length) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= seen + length) {
      range.setEnd(node, end - seen);
      break;
    }
    seen += length;
  }
  var box = range.getBoundingClientRect();
  window.scrollBy(0, box.top - window.innerHeight / 2);
  var rects = range.getClientRects();
  var first = rects[0];
  var last = rects[rects.length - 1];
  if (focus) {
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    root.focus({ preventScroll: true });
  }
  return {
    x1: first.left + 1, y1: first.top + first.height / 2,
    x2: last.right - 1, y2: last.top + last.height / 2,
    text: range.toString()
  };
})(${start16}, ${end16}, ${focus})
`;
}

// Arms timers for one interaction: the start is the timeStamp of the first matching input
// event (same clock as performance.now()), the end is after the first frame that shows the
// awaited change. "popover": the tag dialog appears. "save": a pending (optimistic) mark
// appears, then the server's answer replaces it and the status says so.
export function armInteraction(kind: "popover" | "save", startEvent: string): string {
  return String.raw`
(function (kind, startEvent) {
  var timing = { start: null, shown: null, confirmed: null };
  window.__fwInteraction = timing;

  function afterFrame(callback) {
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { callback(performance.now()); };
      channel.port2.postMessage(null);
    });
  }

  function onStart(event) {
    if (startEvent === "keydown" && event.key !== "Enter") {
      return;
    }
    if (startEvent === "click" && !(event.target instanceof Element && event.target.closest('[data-testid="annotation-popover"] button[type="submit"]'))) {
      return;
    }
    if (timing.start === null) {
      timing.start = event.timeStamp;
    }
    window.removeEventListener(startEvent, onStart, true);
  }
  window.addEventListener(startEvent, onStart, true);

  var reader = document.querySelector('[data-testid="reader-text"]');
  var observer = new MutationObserver(function () {
    if (kind === "popover") {
      if (timing.shown === null && document.querySelector('[data-testid="annotation-popover"]')) {
        timing.shown = -1;
        observer.disconnect();
        afterFrame(function (time) { timing.shown = time; });
      }
      return;
    }
    var pending = reader.querySelector('mark[data-ids*="pending-"]');
    if (timing.shown === null && pending) {
      timing.shown = -1;
      afterFrame(function (time) { timing.shown = time; });
    }
    if (timing.shown !== null && timing.confirmed === null && !pending) {
      timing.confirmed = -1;
      observer.disconnect();
      afterFrame(function (time) { timing.confirmed = time; });
    }
  });
  observer.observe(kind === "popover" ? document.body : reader, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-ids"] });
})(${JSON.stringify(kind)}, ${JSON.stringify(startEvent)})
`;
}

export const readInteraction = "window.__fwInteraction";

// Scrolls the whole page top to bottom, one step per frame, and reports main-thread long
// tasks (PerformanceObserver "longtask") and the longest gap between frames meanwhile.
export function scriptedScroll(frames: number): string {
  return String.raw`
new Promise(function (resolve) {
  var frames = ${frames};
  var longTasks = [];
  var observer = new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) { longTasks.push(entry.duration); });
  });
  observer.observe({ type: "longtask" });
  window.scrollTo(0, 0);
  var step = (document.documentElement.scrollHeight - window.innerHeight) / frames;
  var last = null;
  var gaps = [];
  var done = 0;
  var started = performance.now();
  function frame(time) {
    if (last !== null) {
      gaps.push(time - last);
    }
    last = time;
    if (done === frames) {
      setTimeout(function () {
        observer.disconnect();
        gaps.sort(function (a, b) { return a - b; });
        resolve({
          durationMs: performance.now() - started,
          longTasks: longTasks.length,
          longTaskMs: longTasks.reduce(function (sum, value) { return sum + value; }, 0),
          maxFrameGapMs: gaps.length ? gaps[gaps.length - 1] : 0,
          slowFrames: gaps.filter(function (gap) { return gap > 50; }).length
        });
      }, 200);
      return;
    }
    window.scrollBy(0, step);
    done += 1;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})
`;
}
