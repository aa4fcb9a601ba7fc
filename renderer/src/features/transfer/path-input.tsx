import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PathPurpose } from '../../../../shared/contracts/transfer';
import { call } from '../../api/client';
import { transferKeys } from './transfer-data';

/**
 * A path on the removable medium: typed, or picked with "浏览…" in the desktop shell's
 * file dialog (a folder for an export, a .mjb file for an import). Where the host has
 * no dialog (the browser test host) only the field shows. Used inside a Form.Item.
 */
export function PathInput({
  purpose,
  value,
  onChange,
  placeholder,
  testId,
}: {
  purpose: PathPurpose;
  value?: string;
  onChange?: (value: string) => void;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const chooser = useQuery({
    queryKey: [...transferKeys.root, 'path-chooser'],
    queryFn: () => call('transfer:pathChooser', {}),
    staleTime: Infinity,
  });
  const browse = useMutation({
    mutationFn: () =>
      call('transfer:choosePath', {
        purpose,
        title: t(purpose === 'exportFolder' ? 'transfer.browse.folderTitle' : 'transfer.browse.fileTitle'),
        filterName: t('transfer.browse.bundleFiles'),
      }),
    onSuccess: ({ path }) => {
      if (path !== null) onChange?.(path);
    },
  });
  const field = (
    <Input
      value={value}
      onChange={(e) => onChange?.(e.target.value)}
      placeholder={placeholder}
      data-testid={testId}
    />
  );
  if (!chooser.data?.available) return field;
  return (
    <Space.Compact style={{ width: '100%' }}>
      {field}
      <Button onClick={() => browse.mutate()} loading={browse.isPending} data-testid={`${testId}-browse`}>
        {t('transfer.browse.button')}
      </Button>
    </Space.Compact>
  );
}
