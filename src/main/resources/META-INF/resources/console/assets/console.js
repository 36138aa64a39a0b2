// Progressive only: every page works without this file.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // Move focus to a form's error summary, so a screen-reader or keyboard user hears what went wrong first.
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  });
}());
