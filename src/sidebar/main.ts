document.body.textContent = "sidebar";
