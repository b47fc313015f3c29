/**
 * The connection dialog. On the desktop (the client has its desktop capability) it manages
 * profiles and shows the backend's start-up; in the browser it shows read-only status.
 */
import { useClient } from '../../client/context';
import { Modal } from '../../components/Modal';
import '../../features/workbench/workbench.css';
import './connection.css';
import { BrowserConnection } from './BrowserConnection';
import { DesktopConnection } from './DesktopConnection';

export function ConnectionPanel(props: { open: boolean; onClose: () => void }): React.JSX.Element {
  const desktop = useClient().desktop;
  return (
    <Modal title="Connection" open={props.open} onClose={props.onClose} testId="connection-panel">
      {desktop ? <DesktopConnection desktop={desktop} /> : <BrowserConnection />}
    </Modal>
  );
}
