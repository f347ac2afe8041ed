import { notifications } from '@mantine/notifications';
import i18n from '../i18n';

/** A short confirmation after a change; its close button is named in the reader's language. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

/** A failed action that has no form to show it in (a button's request refused). */
export function notifyFailure(message: string): void {
  notifications.show({
    color: 'red',
    title: i18n.t('common.errorTitle'),
    message,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
