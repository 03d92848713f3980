// The public page: calls the API on the same origin and shows its answers.
"use strict";

const $ = (id) => document.getElementById(id);
const percent = (p) => `${(100 * p).toFixed(1)}%`;

async function call(method, path, body) {
  const response = await fetch(`${window.REORDER_API || ""}${path}`, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(answer.detail)
      ? answer.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ")
      : answer.detail || response.statusText;
    throw new Error(detail);
  }
  return answer;
}

function showError(target, error) {
  target.innerHTML = "";
  const line = document.createElement("p");
  line.className = "error";
  line.textContent = error.message;
  target.append(line);
}

function verdict(probability, likely, threshold) {
  const line = document.createElement("p");
  line.className = `verdict ${likely ? "likely" : "unlikely"}`;
  line.textContent = `${likely ? "Likely" : "Unlikely"} to reorder: ${percent(probability)}`;
  const note = document.createElement("p");
  note.textContent = `The model calls a reorder likely from ${percent(threshold)} on.`;
  return [line, note];
}

function table(headers, rows) {
  const element = document.createElement("table");
  const head = element.insertRow();
  for (const header of headers) {
    const cell = document.createElement("th");
    cell.textContent = header;
    head.append(cell);
  }
  for (const row of rows) {
    const line = element.insertRow();
    if (row.className) line.className = row.className;
    for (const value of row.cells) line.insertCell().textContent = value;
  }
  return element;
}

// Product search: names from /products fill the datalist; an id can be typed as well.
let searchTimer;
const productIds = new Map();
$("product-search").addEventListener("input", (event) => {
  clearTimeout(searchTimer);
  const query = event.target.value.trim();
  if (query.length < 2 || /^\d+$/.test(query)) return;
  searchTimer = setTimeout(async () => {
    try {
      const products = await call("GET", `/products?query=${encodeURIComponent(query)}&limit=15`);
      const options = $("product-options");
      options.innerHTML = "";
      for (const product of products) {
        const label = `${product.product_name} (#${product.product_id})`;
        productIds.set(label, product.product_id);
        const option = document.createElement("option");
        option.value = label;
        options.append(option);
      }
    } catch (error) {
      /* search is a convenience: typing an id still works */
    }
  }, 200);
});

function productId(text) {
  const value = text.trim();
  if (productIds.has(value)) return productIds.get(value);
  const match = value.match(/#?(\d+)\)?$/);
  return match ? Number(match[1]) : NaN;
}

$("pair-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const target = $("pair-answer");
  target.textContent = "…";
  try {
    const product = productId($("product-search").value);
    if (!Number.isInteger(product)) throw new Error("pick a product from the list, or type its id");
    const answer = await call("POST", "/predict", { user_id: Number($("user-id").value), product_id: product });
    target.innerHTML = "";
    target.append(...verdict(answer.probability, answer.likely, answer.threshold));
    const history = answer.history || {};
    target.append(table(["their history with this product", ""], [
      { cells: ["orders so far", history.user_orders] },
      { cells: ["orders with this product", history.up_orders] },
      { cells: ["first bought in order", history.up_first_order] },
      { cells: ["last bought in order", history.up_last_order] },
      { cells: ["average place in the cart", Number(history.up_average_cart_position).toFixed(1)] },
    ]));
  } catch (error) {
    showError(target, error);
  }
});

// The suggestions of the customer in the form, in one department's tab or in all of them.
async function suggest(departmentId) {
  const target = $("suggest-answer");
  target.textContent = "…";
  for (const tab of $("department-tabs").children) {
    tab.setAttribute("aria-selected", String(tab.dataset.department === String(departmentId ?? "")));
  }
  const department = departmentId ? `&department_id=${departmentId}` : "";
  try {
    const user = Number($("suggest-user-id").value);
    const answer = await call("GET", `/users/${user}/suggestions?limit=15${department}`);
    $("department-tabs").hidden = false;
    const basket = new Set(answer.basket);
    target.innerHTML = "";
    const summary = document.createElement("p");
    if (answer.reason) {
      summary.className = "reason";
      summary.textContent = `No suggestions in ${answer.department}: ${answer.reason}.`;
      target.append(summary);
      return;
    }
    summary.textContent = `Suggested next basket${answer.department ? ` in ${answer.department}` : ""}: ` +
      `${answer.basket.length} product(s)` +
      (answer.basket_includes_none ? ", and quite possibly no reorder at all" : "") +
      ` (expected F1 ${answer.expected_f1.toFixed(3)}).`;
    target.append(summary, table(["product", "probability", "in the basket"], answer.products.map((p) => ({
      className: basket.has(p.product_id) ? "in-basket" : "",
      cells: [p.product_name || `#${p.product_id}`, percent(p.probability), basket.has(p.product_id) ? "yes" : ""],
    }))));
  } catch (error) {
    showError(target, error);
  }
}

$("suggest-form").addEventListener("submit", (event) => {
  event.preventDefault();
  suggest(null);
});

// One tab for all departments, then one per department of the catalog.
async function departmentTabs() {
  const departments = await call("GET", "/departments");
  const tabs = [{ department_id: "", department: "All departments" }, ...departments];
  for (const { department_id: id, department } of tabs) {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.dataset.department = String(id);
    tab.textContent = department;
    tab.addEventListener("click", () => suggest(id || null));
    $("department-tabs").append(tab);
  }
}

$("features-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const target = $("features-answer");
  const features = {};
  for (const input of $("feature-fields").querySelectorAll("input")) {
    if (input.value !== "") features[input.name] = Number(input.value);
  }
  try {
    const answer = await call("POST", "/predict/features", { features });
    target.innerHTML = "";
    target.append(...verdict(answer.probability, answer.likely, answer.threshold));
  } catch (error) {
    showError(target, error);
  }
});

async function start() {
  departmentTabs().catch(() => {});  // without tabs, suggestions cover every department
  try {
    const health = await call("GET", "/health");
    $("model-status").textContent = health.model_version
      ? `Model ${health.model_version}.` : "No model is deployed yet.";
    for (const name of health.features || []) {
      const label = document.createElement("label");
      label.textContent = name;
      const input = document.createElement("input");
      input.type = "number";
      input.step = "any";
      input.name = name;
      label.append(input);
      $("feature-fields").append(label);
    }
  } catch (error) {
    $("model-status").textContent = "The API is not answering.";
  }
}
start();
