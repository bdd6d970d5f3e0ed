// Sign-in and analyst actions (verify, dispute, reject, move the pin, change the type, merge, split, note).
// Shown only when /api/me says the user is an analyst or admin; when the API has no accounts (404) the
// account controls stay hidden. Every write goes through the API with the session's CSRF token.
import { fetchMe, login, logout, setState, patchEvent, mergeEvents, splitEvent, addNote } from './api.js';
import { TYPES, el } from './types.js';

export function createAnalyst(accountBox, dialog, { pickPoint, onChanged }) {
  let me = null;
  let available = false;

  async function init() {
    try {
      me = await fetchMe();
      available = true;
    } catch (e) {
      me = null;
      available = e.status === 401 || e.status === 403;
    }
    render();
  }

  const isAnalyst = () => me && (me.role === 'analyst' || me.role === 'admin');

  function render() {
    accountBox.replaceChildren();
    accountBox.hidden = !available;
    if (!available) return;
    if (me) {
      accountBox.append(el('span', { className: 'who' }, `${me.username} (${me.role})`),
        el('button', { type: 'button', className: 'btn small', onclick: async () => { await logout().catch(() => {}); me = null; render(); onChanged(); } }, 'Sign out'));
    } else {
      accountBox.append(el('button', { type: 'button', className: 'btn small', id: 'sign-in', onclick: () => openLogin() }, 'Sign in'));
    }
    document.body.classList.toggle('analyst', !!isAnalyst());
  }

  function openLogin() {
    const form = dialog.querySelector('form');
    const err = dialog.querySelector('.error');
    err.textContent = '';
    form.reset();
    form.onsubmit = async (e) => {
      e.preventDefault();
      const data = new FormData(form);
      try {
        me = await login(String(data.get('username')), String(data.get('password')));
        dialog.close();
        render();
        onChanged();
      } catch (x) {
        err.textContent = x.status === 401 ? 'Wrong user name or password.' : `Could not sign in: ${x.message}`;
      }
    };
    dialog.querySelector('.cancel').onclick = () => dialog.close();
    dialog.showModal();
  }

  /** Adds the actions to an opened event's detail, for analysts only. */
  function decorate(body, detail) {
    const slot = body.querySelector('.analyst-slot');
    if (!slot || !isAnalyst()) return;
    const id = detail.id;
    const p = detail.properties;
    // The status line lives outside the detail body, which is rebuilt after each action.
    // (detail.js clears it when another event opens.)
    const msg = document.getElementById('action-status');
    msg.hidden = false;
    const run = async (what, fn) => {
      msg.textContent = `${what}…`;
      msg.className = 'action-msg';
      try { await fn(); msg.textContent = `${what}: done.`; onChanged(id); } catch (e) { msg.textContent = `${what} failed: ${e.message}`; msg.className = 'action-msg error'; }
    };
    const note = el('input', { type: 'text', id: 'act-note', maxlength: 1000, placeholder: 'note (optional)', 'aria-label': 'Note for the state change' });
    const stateRow = el('div', { className: 'row' },
      ...[['verified', 'Verify'], ['disputed', 'Dispute'], ['rejected', 'Reject']].map(([s, label]) =>
        el('button', { type: 'button', className: `btn act-${s}`, disabled: p.state === s, onclick: () => run(label, () => setState(id, s, note.value.trim() || undefined)) }, label)),
      note);

    const typeSel = el('select', { id: 'act-type', 'aria-label': 'Event type' }, ...[...TYPES.map((t) => t.name), 'Unclassified'].map((t) => el('option', { value: t }, t)));
    typeSel.value = p.type;
    const subIn = el('input', { type: 'text', id: 'act-subtype', value: p.subType || '', maxlength: 100, placeholder: 'sub-type', 'aria-label': 'Sub-type' });
    const typeRow = el('div', { className: 'row' }, typeSel, subIn,
      el('button', { type: 'button', className: 'btn', id: 'act-type-save', onclick: () => run('Change type', () => patchEvent(id, { type: typeSel.value, subType: subIn.value.trim() || null })) }, 'Change type'));

    const pinRow = el('div', { className: 'row' }, el('button', { type: 'button', className: 'btn', id: 'act-move', onclick: async () => {
      msg.textContent = 'Click the map at the new location (Escape cancels).';
      const ll = await pickPoint();
      if (!ll) { msg.textContent = 'Move cancelled.'; return; }
      run('Move the pin', () => patchEvent(id, { location: { lat: +ll.lat.toFixed(6), lon: +ll.lng.toFixed(6), name: p.location?.name || undefined, precision: 'EXACT' } }));
    } }, 'Move the pin'));

    const mergeIn = el('input', { type: 'text', id: 'act-merge-ids', placeholder: 'event ids, comma-separated', 'aria-label': 'Events to merge into this one' });
    const mergeRow = el('div', { className: 'row' }, mergeIn, el('button', { type: 'button', className: 'btn', id: 'act-merge', onclick: () => {
      const ids = mergeIn.value.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s && s !== id);
      if (!ids.length) { msg.textContent = 'Name at least one other event id.'; return; }
      run('Merge', () => mergeEvents(id, ids));
    } }, 'Merge into this'));

    // Split: tick reports in the list above, then split them into a new event.
    for (const li of body.querySelectorAll('.reports li.report')) {
      li.querySelector('.meta').prepend(el('input', { type: 'checkbox', className: 'split-pick', value: li.dataset.reportId, 'aria-label': 'select this report for a split' }));
    }
    const splitRow = el('div', { className: 'row' }, el('button', { type: 'button', className: 'btn', id: 'act-split', onclick: () => {
      const ids = [...body.querySelectorAll('.split-pick:checked')].map((c) => c.value);
      if (!ids.length) { msg.textContent = 'Tick the reports to split off first.'; return; }
      run('Split', () => splitEvent(id, ids));
    } }, 'Split ticked reports off'));

    const noteText = el('textarea', { id: 'act-note-text', rows: 2, maxlength: 4000, 'aria-label': 'Note on this event' });
    const noteRow = el('div', { className: 'row' }, noteText, el('button', { type: 'button', className: 'btn', id: 'act-note-save', onclick: () => {
      if (noteText.value.trim()) run('Add note', () => addNote(id, noteText.value.trim()));
    } }, 'Add note'));

    slot.replaceChildren(el('section', { className: 'detail-section analyst-actions', 'aria-label': 'Analyst actions' },
      el('h3', {}, 'Analyst actions'), stateRow, typeRow, pinRow, mergeRow, splitRow, noteRow));
  }

  return { init, decorate, isAnalyst, me: () => me };
}
