// The Markdown editor's script (KennisHub.Components/Editing/MarkdownEditor), loaded as a module by the editor
// pages. Progressive: without it the textarea and the "Voorbeeld" button work; with it the toolbar appears, and a
// new item's slug is proposed from its title until the person edits the slug themselves.
import { slugify } from "./slug.js";

// Insert text at the selection through the browser's editing commands, so Ctrl+Z undoes it like typing; where the
// browser refuses, setRangeText (no undo step) and an input event, so the live preview still hears of it.
function replaceSelection(textarea, text, selectFrom, selectTo) {
  const start = textarea.selectionStart;
  textarea.focus();
  let inserted = false;
  try {
    inserted = document.execCommand("insertText", false, text);
  } catch {
    inserted = false;
  }
  if (!inserted || textarea.value.substring(start, start + text.length) !== text) {
    textarea.setRangeText(text, start, textarea.selectionEnd, "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }
  textarea.setSelectionRange(start + selectFrom, start + selectTo);
}

function wrap(textarea, marker, placeholder) {
  const selected = textarea.value.substring(textarea.selectionStart, textarea.selectionEnd);
  const inner = selected || placeholder;
  replaceSelection(textarea, marker + inner + marker, marker.length, marker.length + inner.length);
}

// Prefix every line the selection touches ("## ", "- ", "> "); an empty line gets the placeholder.
function prefixLines(textarea, prefix, placeholder) {
  const value = textarea.value;
  const start = textarea.selectionStart;
  const end = textarea.selectionEnd;
  const lineStart = start === 0 ? 0 : value.lastIndexOf("\n", start - 1) + 1;
  // A selection that ends just after a line break does not take the next line along.
  const last = end > start && value.charAt(end - 1) === "\n" ? end - 1 : end;
  let lineEnd = value.indexOf("\n", last);
  if (lineEnd < 0) {
    lineEnd = value.length;
  }
  const lines = value.substring(lineStart, lineEnd).split("\n");
  const text = lines.map((line) => prefix + (line.length > 0 ? line : placeholder)).join("\n");
  textarea.setSelectionRange(lineStart, lineEnd);
  replaceSelection(textarea, text, text.length, text.length);
}

function link(textarea, placeholder) {
  const selected = textarea.value.substring(textarea.selectionStart, textarea.selectionEnd);
  const label = selected || placeholder;
  const text = "[" + label + "](https://)";
  // Select the address, the part still to type.
  replaceSelection(textarea, text, label.length + 3, text.length - 1);
}

function table(textarea, placeholder) {
  const [first, second] = placeholder.split("|");
  const before = textarea.selectionStart > 0 && !textarea.value.substring(0, textarea.selectionStart).endsWith("\n\n") ? "\n\n" : "";
  const text = before + "| " + first + " | " + second + " |\n| --- | --- |\n|  |  |\n\n";
  const cell = before.length + text.substring(before.length).indexOf("|  |") + 2;
  replaceSelection(textarea, text, cell, cell);
}

const actions = {
  heading: (t, p) => prefixLines(t, "## ", p),
  bold: (t, p) => wrap(t, "**", p),
  italic: (t, p) => wrap(t, "_", p),
  list: (t, p) => prefixLines(t, "- ", p),
  link: (t, p) => link(t, p),
  table: (t, p) => table(t, p),
  quote: (t, p) => prefixLines(t, "> ", p),
};

const shortcuts = { b: "bold", i: "italic", k: "link" };

function setUpEditor(editor) {
  const textarea = editor.querySelector("[data-kh-md-text]");
  const toolbar = editor.querySelector("[data-kh-md-toolbar]");
  if (!textarea || !toolbar) {
    return;
  }
  const buttons = Array.from(toolbar.querySelectorAll("button[data-kh-md]"));
  const run = (button) => actions[button.dataset.khMd]?.(textarea, button.dataset.khMdPlaceholder || "");

  buttons.forEach((button) => button.addEventListener("click", () => run(button)));

  // One tab stop for the whole toolbar; arrow keys, Home and End move between its buttons (ARIA toolbar pattern).
  toolbar.addEventListener("keydown", (event) => {
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) {
      return;
    }
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    buttons.forEach((button) => button.setAttribute("tabindex", button === target ? "0" : "-1"));
    target.focus();
  });

  // Ctrl+B, Ctrl+I, Ctrl+K in the textarea, as the buttons announce with aria-keyshortcuts.
  textarea.addEventListener("keydown", (event) => {
    const name = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey ? shortcuts[event.key.toLowerCase()] : undefined;
    const button = name && buttons.find((b) => b.dataset.khMd === name);
    if (button) {
      event.preventDefault();
      run(button);
    }
  });

  // The live preview region waits hidden until its first answer arrives.
  const preview = editor.querySelector("[data-kh-md-preview]");
  if (preview) {
    document.body.addEventListener("htmx:afterSwap", (event) => {
      if (preview.contains(event.detail.target)) {
        preview.hidden = false;
      }
    });
  }

  toolbar.hidden = false;
}

// A new item's slug follows its title until the person types in the slug field; emptying it hands it back.
function setUpSlug(form) {
  const title = document.getElementById(form.dataset.khSlugSource);
  const slug = document.getElementById(form.dataset.khSlugTarget);
  if (!title || !slug) {
    return;
  }
  let own = slug.value !== "" && slug.value !== slugify(title.value);
  slug.addEventListener("input", () => {
    own = slug.value !== "";
  });
  title.addEventListener("input", () => {
    if (!own) {
      slug.value = slugify(title.value);
    }
  });
}

document.querySelectorAll("[data-kh-md-editor]").forEach(setUpEditor);
// An edit form carries the attributes empty: an existing item's slug stays as it is unless the person changes it.
document.querySelectorAll("form[data-kh-slug-source]:not([data-kh-slug-source=''])").forEach(setUpSlug);
