// cairn.js: starts GOV.UK Frontend and MOJ Frontend on every page.
//
// Load it once per page, from the layout:
//   <script type="module" src="/static/cairn.js"></script>
//
// It stands in for the inline <script> in GOV.UK Frontend's page template,
// which cairn's Content-Security-Policy forbids: it marks <body> with
// `js-enabled` (used by MOJ Frontend's CSS) and `govuk-frontend-supported`
// (used by GOV.UK Frontend's CSS and checked by both libraries before they
// initialise anything), then runs each library's initAll().
//
// Pages must work without it: until these classes are set, the CSS shows
// the un-enhanced, no-JavaScript versions of components. Browsers that do
// not support ES modules never run this file, which is the same test the
// GOV.UK template makes ('noModule' in HTMLScriptElement.prototype). If either
// bundle fails to load, this module does not run at all, so the page stays in
// its working no-JavaScript state rather than half-enhanced.
//
// The imports are relative to this file, so the bundles must be served from
// the same prefix (see docs/frontend.md).

import { initAll as initGovUKFrontend } from './govuk/govuk-frontend.min.js'
import { initAll as initMOJFrontend } from './moj/moj-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

for (const [name, init] of [
  ['GOV.UK Frontend', initGovUKFrontend],
  ['MOJ Frontend', initMOJFrontend]
]) {
  try {
    init()
  } catch (error) {
    // One library failing must not stop the other from starting.
    console.error(`cairn: could not initialise ${name}`, error)
  }
}
