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
