package dev.godwit.lint.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL table locks a statement takes, by table key, as appendix A of the rule catalog
 * observed them.
 */
final class Locks {
  private Locks() {}

  static Map<String, PgLock> of(Parsed p, Ctx ctx) {
    Map<String, PgLock> out = new HashMap<>();
    if (p instanceof Parsed.AlterTable a) {
      for (Action action : a.actions()) {
        alterAction(a.table(), action, out);
      }
    } else if (p instanceof Parsed.CreateIndex ci) {
      put(out, ci.table(), ci.concurrently() ? PgLock.SHARE_UPDATE_EXCLUSIVE : PgLock.SHARE);
    } else if (p instanceof Parsed.DropIndex di) {
      for (Name i : di.indexes()) {
        Name t = ctx.tableOfIndex(i);
        put(out, t, di.concurrently() ? PgLock.SHARE_UPDATE_EXCLUSIVE : PgLock.ACCESS_EXCLUSIVE);
      }
    } else if (p instanceof Parsed.DropTable dt) {
      for (Name t : dt.tables()) {
        put(out, t, PgLock.ACCESS_EXCLUSIVE);
        Schema.Table info = ctx.table(t);
        if (info != null) {
          for (String target : info.fkTargets) {
            put(out, new Name(null, target), PgLock.ACCESS_EXCLUSIVE);
          }
        }
      }
    } else if (p instanceof Parsed.Truncate t) {
      t.tables().forEach(n -> put(out, n, PgLock.ACCESS_EXCLUSIVE));
    } else if (p instanceof Parsed.LockTable l) {
      if (l.pgLock() != null) {
        l.tables().forEach(n -> put(out, n, l.pgLock()));
      }
    } else if (p instanceof Parsed.Reindex r) {
      if (r.target() != null && !r.concurrently()) {
        if (r.kind().equals("index")) {
          put(out, ctx.tableOfIndex(r.target()), PgLock.SHARE);
        } else if (r.kind().equals("table")) {
          put(out, r.target(), PgLock.SHARE);
        }
      }
    } else if (p instanceof Parsed.RefreshMatview r) {
      put(out, r.view(), r.concurrently() ? PgLock.EXCLUSIVE : PgLock.ACCESS_EXCLUSIVE);
    } else if (p instanceof Parsed.Vacuum v) {
      if (v.full()) {
        v.tables().forEach(n -> put(out, n, PgLock.ACCESS_EXCLUSIVE));
      }
    } else if (p instanceof Parsed.Cluster c) {
      put(out, c.table(), PgLock.ACCESS_EXCLUSIVE);
    } else if (p instanceof Parsed.CreateTrigger t) {
      put(out, t.table(), PgLock.SHARE_ROW_EXCLUSIVE);
    } else if (p instanceof Parsed.CreateTable ct) {
      for (ColumnDef col : ct.columns()) {
        put(out, col.references(), PgLock.SHARE_ROW_EXCLUSIVE);
      }
      for (ConstraintDef con : ct.constraints()) {
        put(out, con.references(), PgLock.SHARE_ROW_EXCLUSIVE);
      }
    } else if (p instanceof Parsed.Dml d) {
      put(out, d.table(), PgLock.ROW_EXCLUSIVE);
    }
    return out;
  }

  private static void alterAction(Name table, Action action, Map<String, PgLock> out) {
    if (action instanceof Action.AddConstraint ac) {
      ConstraintDef c = ac.constraint();
      if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
        put(out, table, PgLock.SHARE_ROW_EXCLUSIVE);
        put(out, c.references(), PgLock.SHARE_ROW_EXCLUSIVE);
      } else {
        put(out, table, PgLock.ACCESS_EXCLUSIVE);
      }
    } else if (action instanceof Action.AddColumn a) {
      put(out, table, PgLock.ACCESS_EXCLUSIVE);
      put(out, a.column().references(), PgLock.SHARE_ROW_EXCLUSIVE);
    } else if (action instanceof Action.ValidateConstraint) {
      put(out, table, PgLock.SHARE_UPDATE_EXCLUSIVE);
    } else if (action instanceof Action.DetachPartition d) {
      PgLock l = d.concurrently() ? PgLock.SHARE_UPDATE_EXCLUSIVE : PgLock.ACCESS_EXCLUSIVE;
      put(out, table, l);
      put(out, d.partition(), l);
    } else if (action instanceof Action.AttachPartition at) {
      put(out, table, PgLock.SHARE_UPDATE_EXCLUSIVE);
      put(out, at.partition(), PgLock.ACCESS_EXCLUSIVE);
    } else if (action instanceof Action.Other o) {
      put(out, table, o.lock());
    } else {
      put(out, table, PgLock.ACCESS_EXCLUSIVE);
    }
  }

  private static void put(Map<String, PgLock> out, Name n, PgLock l) {
    if (n != null) {
      out.merge(n.key(), l, PgLock::max);
    }
  }
}
