/** A panel's confirm button for an action: 「确认受理」, but 「确认送达」 rather than 「确认确认送达」. */
export const confirmLabel = (action: string) => (action.startsWith('确认') ? action : `确认${action}`)
