import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";
import { loadLang } from "./lib/i18n.svelte";

loadLang();
const target = document.getElementById("app");
if (!target) throw new Error("index.html lacks #app");
export default mount(App, { target });
