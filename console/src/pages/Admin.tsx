/** The admin area: regions, liaison stations, departments, users and the audit log (admin; an office within its region). */
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEPARTMENT_KINDS, ROLES } from '../../../contracts/enums';
import { DEPARTMENT_KIND_LABELS, ROLE_LABELS } from '../../../contracts/labels';
import type { AdminDepartment, AdminStation, AdminUser } from '../../../contracts/admin';
import type { Region } from '../../../contracts/schemas';
import { api } from '../api';
import { useAct, useLoad } from '../hooks';
import { go } from '../router';
import { chinaDateTime } from '../format';

/** The admin pages as tabs. */
export function AdminPages({ tab }: { tab?: string }) {
  const active = ['regions', 'stations', 'departments', 'users', 'audit'].includes(tab ?? '') ? tab! : 'users';
  return (
    <>
      <Typography.Title level={2} className="page-title">
        系统管理
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => go(`/admin/${k}`)}
        destroyOnHidden
        items={[
          { key: 'users', label: '用户', children: <Users /> },
          { key: 'departments', label: '承办单位', children: <Departments /> },
          { key: 'regions', label: '区域', children: <Regions /> },
          { key: 'stations', label: '联络站', children: <Stations /> },
          { key: 'audit', label: '审计日志', children: <Audit /> },
        ]}
      />
    </>
  );
}

function Users() {
  const { modal } = App.useApp();
  const act = useAct();
  const [q, setQ] = useState<string | undefined>();
  const [role, setRole] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useLoad(() => api.users({ q, role: role as never, page, pageSize: 20 }), [q, role, page]);
  const toggle = (u: AdminUser) =>
    modal.confirm({
      title: u.active ? `停用 ${u.name}（${u.username}）的账号？` : `恢复 ${u.name}（${u.username}）的账号？`,
      content: u.active ? '停用后此人不能再登录，已有记录保留。' : '恢复后此人可以再次登录。',
      okText: u.active ? '停用' : '恢复',
      okButtonProps: { danger: u.active },
      cancelText: '取消',
      onOk: () => act(() => (u.active ? api.deactivateUser(u.username) : api.reactivateUser(u.username)), u.active ? '已停用' : '已恢复', list.reload),
    });
  return (
    <>
      <div className="toolbar" role="search">
        <Input.Search aria-label="搜索姓名或用户名" placeholder="姓名或用户名" allowClear enterButton="搜索" style={{ maxWidth: 320 }} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} />
        <Select aria-label="角色" placeholder="全部角色" allowClear style={{ width: 160 }} value={role} onChange={(v) => { setRole(v); setPage(1); }} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<AdminUser>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人`, showSizeChanger: false }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '用户名', dataIndex: 'username', width: 150 },
          { title: '角色', dataIndex: 'roleLabel', width: 110 },
          { title: '区域 / 单位', key: 'where', render: (_: unknown, u) => u.department?.name ?? u.region?.name ?? '—' },
          { title: '状态', key: 'active', width: 90, render: (_: unknown, u) => (u.active ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>) },
          { title: '操作', key: 'op', width: 90, render: (_: unknown, u) => <Button size="small" danger={u.active} onClick={() => toggle(u)}>{u.active ? '停用' : '恢复'}</Button> },
        ]}
      />
    </>
  );
}

function Departments() {
  const act = useAct();
  const list = useLoad(() => api.managedDepartments(), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const create = async () => {
    // A field the user left wrong is shown under the field itself: nothing more to do here.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const split = (s?: string) => (s ?? '').split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);
    const ok = await act(() => api.createDepartment({ code: v.code.trim(), name: v.name.trim(), kind: v.kind, duties: v.duties.trim(), aliases: split(v.aliases), keywords: split(v.keywords) }), '已新增承办单位', list.reload);
    if (ok) {
      setOpen(false);
      form.resetFields();
    }
  };
  return (
    <>
      <div className="toolbar">
        <Button type="primary" onClick={() => setOpen(true)}>新增承办单位</Button>
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<AdminDepartment>
        rowKey="code"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: '单位', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code', width: 120 },
          { title: '类别', key: 'kind', width: 130, render: (_: unknown, d) => DEPARTMENT_KIND_LABELS[d.kind as keyof typeof DEPARTMENT_KIND_LABELS] ?? d.kind },
          { title: '状态', key: 'a', width: 90, render: (_: unknown, d) => (d.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_: unknown, d) => (
              <Button size="small" onClick={() => act(() => api.updateDepartment(d.code, { active: !d.active }), d.active ? '已停用' : '已启用', list.reload)}>
                {d.active ? '停用' : '启用'}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={open} title="新增承办单位" okText="保存" cancelText="取消" onOk={create} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'government' }}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}><Input /></Form.Item>
          <Form.Item name="code" label="单位代码（英文字母）" rules={[{ required: true, whitespace: true, message: '请填写单位代码' }]}><Input /></Form.Item>
          <Form.Item name="kind" label="类别"><Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))} /></Form.Item>
          <Form.Item name="duties" label="职责" rules={[{ required: true, whitespace: true, message: '请填写职责' }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="aliases" label="别名（用顿号或逗号分隔）"><Input /></Form.Item>
          <Form.Item name="keywords" label="分类关键词（用顿号或逗号分隔）"><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Regions() {
  const { modal } = App.useApp();
  const act = useAct();
  const list = useLoad(() => api.regions(), []);
  const byId = new Map((list.data?.items ?? []).map((r) => [r.id, r]));
  const rename = (r: Region) => {
    let name = r.name;
    modal.confirm({
      title: `修改“${r.name}”的名称`,
      content: <Input aria-label="新名称" defaultValue={r.name} onChange={(e) => (name = e.target.value)} />,
      okText: '保存',
      cancelText: '取消',
      onOk: () => act(() => api.renameRegion(r.code, name.trim()), '已修改', list.reload),
    });
  };
  return (
    <>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Region>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 600 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code', width: 140 },
          { title: '层级', key: 'l', width: 90, render: (_: unknown, r) => ({ city: '市', district: '区县', town: '镇街' })[r.level] ?? r.level },
          { title: '上级', key: 'p', width: 140, render: (_: unknown, r) => (r.parentId ? byId.get(r.parentId)?.name : '—') },
          { title: '操作', key: 'op', width: 90, render: (_: unknown, r) => <Button size="small" onClick={() => rename(r)}>改名</Button> },
        ]}
      />
    </>
  );
}

function Stations() {
  const act = useAct();
  const list = useLoad(() => api.managedStations(), []);
  return (
    <>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<AdminStation>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: '联络站', dataIndex: 'name' },
          { title: '区域', key: 'r', width: 140, render: (_: unknown, s) => s.region.name },
          { title: '地址', dataIndex: 'address' },
          { title: '状态', key: 'a', width: 90, render: (_: unknown, s) => (s.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
          { title: '操作', key: 'op', width: 90, render: (_: unknown, s) => <Button size="small" onClick={() => act(() => api.updateStation(s.id, { active: !s.active }), s.active ? '已停用' : '已启用', list.reload)}>{s.active ? '停用' : '启用'}</Button> },
        ]}
      />
    </>
  );
}

function Audit() {
  const [page, setPage] = useState(1);
  const [actor, setActor] = useState<string | undefined>();
  const list = useLoad(() => api.audit({ page, pageSize: 20, actor }), [page, actor]);
  type Entry = NonNullable<typeof list.data>['items'][number];
  return (
    <>
      <div className="toolbar" role="search">
        <Input.Search aria-label="按操作人用户名筛选" placeholder="操作人用户名" allowClear enterButton="筛选" style={{ maxWidth: 320 }} onSearch={(v) => { setActor(v.trim() || undefined); setPage(1); }} />
      </div>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Entry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
        columns={[
          { title: '时间', key: 'at', width: 160, render: (_: unknown, e) => chinaDateTime(e.at) },
          { title: '操作人', key: 'who', width: 150, render: (_: unknown, e) => e.actor.name ?? e.actor.username ?? '—' },
          { title: '操作', dataIndex: 'actionLabel', width: 140 },
          { title: '对象', key: 'o', width: 200, render: (_: unknown, e) => e.objectLabel ?? '—' },
          {
            title: '内容',
            key: 'd',
            render: (_: unknown, e) =>
              e.changes.length ? (
                <Space wrap>
                  {e.changes.slice(0, 6).map((c) => (
                    <Tag key={c.field} style={{ whiteSpace: 'normal' }}>
                      {c.label}：{e.before && e.after ? `${c.before ?? '—'} → ${c.after ?? '—'}` : (c.after ?? c.before ?? '—')}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
