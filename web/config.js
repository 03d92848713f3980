// Where the page finds the API: "" is the page's own origin (`reorder serve`). On AWS,
// `reorder publish-page` writes this file with the API's URL beside the page.
window.REORDER_API = "";
