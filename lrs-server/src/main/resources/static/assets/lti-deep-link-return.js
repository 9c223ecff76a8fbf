// Posts the deep linking response (the form on the page) back to the LMS at once. A file, not an inline script:
// the Content-Security-Policy allows scripts from this origin only.
document.getElementById('return').submit();
