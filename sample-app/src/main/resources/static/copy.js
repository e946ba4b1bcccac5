// "Copy" buttons: data-copy names the element whose text goes to the clipboard.
document.addEventListener('click', (event) => {
	const button = event.target.closest('button[data-copy]');
	if (!button) {
		return;
	}
	const source = document.getElementById(button.dataset.copy);
	const done = (label) => {
		button.textContent = label;
		setTimeout(() => { button.textContent = 'Copy'; }, 2000);
	};
	navigator.clipboard.writeText(source.textContent.trim()).then(() => done('Copied'), () => {
		// No clipboard access (an old browser, a page not served over HTTPS): select the key instead.
		window.getSelection().selectAllChildren(source);
		done('Press Ctrl+C');
	});
});
